"""Type stubs of the dangyuan package (the compiled module re-exported by __init__.py)."""

import datetime
import os
from typing import (
    Any,
    Callable,
    ClassVar,
    Iterable,
    Iterator,
    Literal,
    Mapping,
    NamedTuple,
    Optional,
    SupportsIndex,
    TypeVar,
    Union,
    overload,
)

import numpy
import pandas

__version__: str

_Labels = Literal["name", "chinese", "code"]
_T = TypeVar("_T")
_Date = Union[datetime.date, "numpy.datetime64"]
_Record = Union[Mapping[str, Any], Any]

# The metaclass of the compiled classes (pybind11_builtins.pybind11_type at runtime).
class _pybind11_type(type): ...

# ---------------------------------------------------------------------------------------------------
# Exceptions
# ---------------------------------------------------------------------------------------------------

class Error(Exception): ...

class InvalidInput(Error, ValueError):
    field: Optional[str]
    reason: Optional[str]

class InvalidIdNumber(InvalidInput):
    kind: Optional[IdNumberError]
    expected_check: Optional[str]

class RuleViolation(Error):
    rule_id: Optional[str]
    citation: Optional[str]
    detail: Optional[str]

class NotFound(Error, LookupError): ...

class CalendarYearMissing(NotFound):
    year: Optional[int]

class Conflict(Error): ...
class StorageError(Error): ...
class StoreClosed(StorageError): ...

class AccessDenied(Error, PermissionError):
    permission: Optional[str]
    org: Optional[int]

def violation(rule_id: str, message: str) -> RuleViolation: ...

# ---------------------------------------------------------------------------------------------------
# Ids
# ---------------------------------------------------------------------------------------------------

class _Id(metaclass=_pybind11_type):
    def __init__(self, value: SupportsIndex) -> None: ...
    @property
    def value(self) -> int: ...
    @property
    def valid(self) -> bool: ...
    def __hash__(self) -> int: ...
    def __lt__(self: _T, other: _T) -> bool: ...
    def __le__(self: _T, other: _T) -> bool: ...
    def __gt__(self: _T, other: _T) -> bool: ...
    def __ge__(self: _T, other: _T) -> bool: ...

class MemberId(_Id): ...
class OrgId(_Id): ...
class CaseId(_Id): ...
class EpisodeId(_Id): ...
class CampaignId(_Id): ...
class MeetingId(_Id): ...
class TransferLetterId(_Id): ...
class ElectionId(_Id): ...
class DecisionId(_Id): ...
class RegistrationId(_Id): ...
class AppraisalCycleId(_Id): ...
class AppraisalReportId(_Id): ...
class UnitId(_Id): ...
class CoverageLinkId(_Id): ...
class InstructorId(_Id): ...
class MemberUnitId(_Id): ...
class AccountabilityId(_Id): ...
class ModelPostId(_Id): ...
class CommendationId(_Id): ...
class RectificationId(_Id): ...

# ---------------------------------------------------------------------------------------------------
# Enums: every enum has .name, .value, .code, all() and parse(); most have .chinese_name
# ---------------------------------------------------------------------------------------------------

_E = TypeVar("_E", bound="_Enum")

class _Enum(metaclass=_pybind11_type):
    @property
    def name(self) -> str: ...
    @property
    def value(self) -> int: ...
    @property
    def code(self) -> str: ...
    @classmethod
    def all(cls: type[_E]) -> list[_E]: ...
    @classmethod
    def parse(cls: type[_E], text: str) -> _E: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __index__(self) -> int: ...
    __members__: ClassVar[dict[str, Any]]

class _Named(_Enum):
    @property
    def chinese_name(self) -> str: ...

class _CodeTable(_Named):
    @property
    def english_name(self) -> str: ...

class Sex(_CodeTable):
    unknown: ClassVar[Sex]
    male: ClassVar[Sex]
    female: ClassVar[Sex]
    unstated: ClassVar[Sex]

class Ethnicity(_CodeTable):
    han: ClassVar[Ethnicity]
    mongol: ClassVar[Ethnicity]
    hui: ClassVar[Ethnicity]
    zang: ClassVar[Ethnicity]
    uygur: ClassVar[Ethnicity]
    miao: ClassVar[Ethnicity]
    yi: ClassVar[Ethnicity]
    zhuang: ClassVar[Ethnicity]
    buyei: ClassVar[Ethnicity]
    chosen: ClassVar[Ethnicity]
    man: ClassVar[Ethnicity]
    dong: ClassVar[Ethnicity]
    yao: ClassVar[Ethnicity]
    bai: ClassVar[Ethnicity]
    tujia: ClassVar[Ethnicity]
    hani: ClassVar[Ethnicity]
    kazak: ClassVar[Ethnicity]
    dai: ClassVar[Ethnicity]
    li: ClassVar[Ethnicity]
    lisu: ClassVar[Ethnicity]
    va: ClassVar[Ethnicity]
    she: ClassVar[Ethnicity]
    gaoshan: ClassVar[Ethnicity]
    lahu: ClassVar[Ethnicity]
    sui: ClassVar[Ethnicity]
    dongxiang: ClassVar[Ethnicity]
    naxi: ClassVar[Ethnicity]
    jingpo: ClassVar[Ethnicity]
    kirgiz: ClassVar[Ethnicity]
    tu: ClassVar[Ethnicity]
    daur: ClassVar[Ethnicity]
    mulao: ClassVar[Ethnicity]
    qiang: ClassVar[Ethnicity]
    blang: ClassVar[Ethnicity]
    salar: ClassVar[Ethnicity]
    maonan: ClassVar[Ethnicity]
    gelao: ClassVar[Ethnicity]
    xibe: ClassVar[Ethnicity]
    achang: ClassVar[Ethnicity]
    pumi: ClassVar[Ethnicity]
    tajik: ClassVar[Ethnicity]
    nu: ClassVar[Ethnicity]
    uzbek: ClassVar[Ethnicity]
    russ: ClassVar[Ethnicity]
    ewenki: ClassVar[Ethnicity]
    deang: ClassVar[Ethnicity]
    bonan: ClassVar[Ethnicity]
    yugur: ClassVar[Ethnicity]
    gin: ClassVar[Ethnicity]
    tatar: ClassVar[Ethnicity]
    derung: ClassVar[Ethnicity]
    oroqen: ClassVar[Ethnicity]
    hezhen: ClassVar[Ethnicity]
    monba: ClassVar[Ethnicity]
    lhoba: ClassVar[Ethnicity]
    jino: ClassVar[Ethnicity]
    other: ClassVar[Ethnicity]
    foreign_origin: ClassVar[Ethnicity]
    @property
    def alpha_code(self) -> str: ...
    @property
    def is_sector_extension(self) -> bool: ...

class Education(_CodeTable):
    postgraduate: ClassVar[Education]
    doctoral_graduated: ClassVar[Education]
    doctoral_completed: ClassVar[Education]
    doctoral_incomplete: ClassVar[Education]
    masters_graduated: ClassVar[Education]
    masters_completed: ClassVar[Education]
    masters_incomplete: ClassVar[Education]
    postgraduate_class_graduated: ClassVar[Education]
    postgraduate_class_completed: ClassVar[Education]
    postgraduate_class_incomplete: ClassVar[Education]
    undergraduate: ClassVar[Education]
    undergraduate_graduated: ClassVar[Education]
    undergraduate_completed: ClassVar[Education]
    undergraduate_incomplete: ClassVar[Education]
    ordinary_class_graduated: ClassVar[Education]
    junior_college: ClassVar[Education]
    junior_college_graduated: ClassVar[Education]
    junior_college_completed: ClassVar[Education]
    junior_college_incomplete: ClassVar[Education]
    secondary_vocational: ClassVar[Education]
    specialized_secondary_graduated: ClassVar[Education]
    specialized_secondary_completed: ClassVar[Education]
    specialized_secondary_incomplete: ClassVar[Education]
    vocational_high_graduated: ClassVar[Education]
    vocational_high_completed: ClassVar[Education]
    vocational_high_incomplete: ClassVar[Education]
    skilled_worker_school_graduated: ClassVar[Education]
    skilled_worker_school_completed: ClassVar[Education]
    skilled_worker_school_incomplete: ClassVar[Education]
    senior_high: ClassVar[Education]
    senior_high_graduated: ClassVar[Education]
    senior_high_completed: ClassVar[Education]
    senior_high_incomplete: ClassVar[Education]
    junior_high: ClassVar[Education]
    junior_high_graduated: ClassVar[Education]
    junior_high_incomplete: ClassVar[Education]
    primary: ClassVar[Education]
    primary_graduated: ClassVar[Education]
    primary_incomplete: ClassVar[Education]
    other: ClassVar[Education]
    @property
    def level(self) -> int: ...
    @property
    def level_row(self) -> Education: ...
    @property
    def is_level_row(self) -> bool: ...
    @property
    def tertiary_or_higher(self) -> bool: ...

class PersonnelCategory(_CodeTable):
    worker: ClassVar[PersonnelCategory]
    farmer_herder_fisher: ClassVar[PersonnelCategory]
    professional_technical: ClassVar[PersonnelCategory]
    management: ClassVar[PersonnelCategory]
    party_government_staff: ClassVar[PersonnelCategory]
    student: ClassVar[PersonnelCategory]
    other_occupation: ClassVar[PersonnelCategory]
    retired: ClassVar[PersonnelCategory]
    military: ClassVar[PersonnelCategory]
    @property
    def in_current_bulletin(self) -> bool: ...

class PoliticalStatus(_CodeTable):
    cpc_member: ClassVar[PoliticalStatus]
    cpc_probationary_member: ClassVar[PoliticalStatus]
    cyl_member: ClassVar[PoliticalStatus]
    rckmt_member: ClassVar[PoliticalStatus]
    cdl_member: ClassVar[PoliticalStatus]
    cndca_member: ClassVar[PoliticalStatus]
    capd_member: ClassVar[PoliticalStatus]
    cpwdp_member: ClassVar[PoliticalStatus]
    zhi_gong_member: ClassVar[PoliticalStatus]
    jiusan_member: ClassVar[PoliticalStatus]
    tdsl_member: ClassVar[PoliticalStatus]
    non_party: ClassVar[PoliticalStatus]
    masses: ClassVar[PoliticalStatus]
    @property
    def is_cpc_member(self) -> bool: ...

class IdNumberError(_Enum):
    bad_length: ClassVar[IdNumberError]
    bad_character: ClassVar[IdNumberError]
    impossible_date: ClassVar[IdNumberError]
    bad_province: ClassVar[IdNumberError]
    bad_check_character: ClassVar[IdNumberError]

class Confidence(_Enum):
    confirmed: ClassVar[Confidence]
    secondary: ClassVar[Confidence]
    local: ClassVar[Confidence]
    unconfirmed: ClassVar[Confidence]
    third_party: ClassVar[Confidence]
    @property
    def tag(self) -> str: ...

class OnExistingYear(_Enum):
    reject: ClassVar[OnExistingYear]
    replace: ClassVar[OnExistingYear]

class OrgKind(_Named):
    higher_committee: ClassVar[OrgKind]
    grassroots_committee: ClassVar[OrgKind]
    working_committee: ClassVar[OrgKind]
    general_branch: ClassVar[OrgKind]
    branch: ClassVar[OrgKind]
    joint_branch: ClassVar[OrgKind]
    party_group: ClassVar[OrgKind]

class OfficerRole(_Named):
    secretary: ClassVar[OfficerRole]
    deputy_secretary: ClassVar[OfficerRole]
    committee_member: ClassVar[OfficerRole]

class MemberStatus(_Named):
    probationary: ClassVar[MemberStatus]
    full: ClassVar[MemberStatus]

class StandingState(_Enum):
    normal: ClassVar[StandingState]
    suspended: ClassVar[StandingState]
    exited: ClassVar[StandingState]

class StandingEventKind(_Named):
    suspended: ClassVar[StandingEventKind]
    restored: ClassVar[StandingEventKind]
    removed_self_withdrawal: ClassVar[StandingEventKind]
    removed: ClassVar[StandingEventKind]
    persuaded_to_withdraw: ClassVar[StandingEventKind]
    expelled: ClassVar[StandingEventKind]
    withdrew: ClassVar[StandingEventKind]
    probation_cancelled: ClassVar[StandingEventKind]
    died: ClassVar[StandingEventKind]

class AgendaStatus(_Named):
    upcoming: ClassVar[AgendaStatus]
    due: ClassVar[AgendaStatus]
    overdue: ClassVar[AgendaStatus]
    finding: ClassVar[AgendaStatus]

# who may see and change what (core/access.hpp)

class Permission(_Named):
    read_roster: ClassVar[Permission]
    write_roster: ClassVar[Permission]
    run_development: ClassVar[Permission]
    approve_as_higher_committee: ClassVar[Permission]
    run_evaluations: ClassVar[Permission]
    organisational_life: ClassVar[Permission]
    manage_mobility: ClassVar[Permission]
    unmasked_personal_data: ClassVar[Permission]
    export_data: ClassVar[Permission]
    manage_organisations: ClassVar[Permission]
    manage_profiles: ClassVar[Permission]
    read_audit: ClassVar[Permission]

class Role(metaclass=_pybind11_type):
    def __init__(self, name: str, permissions: list[Permission]) -> None: ...
    @property
    def name(self) -> str: ...
    @property
    def permissions(self) -> list[Permission]: ...
    def may(self, permission: Permission) -> bool: ...
    @staticmethod
    def organisation_department() -> Role: ...
    @staticmethod
    def party_committee() -> Role: ...
    @staticmethod
    def branch_secretary() -> Role: ...
    @staticmethod
    def analyst() -> Role: ...
    @staticmethod
    def auditor() -> Role: ...
    @staticmethod
    def built_in(name: str) -> Role: ...

def built_in_roles() -> list[Role]: ...

class Principal(metaclass=_pybind11_type):
    def __init__(self, actor: str, role: Role, org: Optional[OrgId] = None) -> None: ...
    @property
    def actor(self) -> str: ...
    @property
    def role(self) -> Role: ...
    @property
    def org(self) -> Optional[OrgId]: ...
    @property
    def label(self) -> str: ...
    def may(self, permission: Permission) -> bool: ...
    @staticmethod
    def parse(text: str, actor: str) -> Principal: ...
    @staticmethod
    def full_access(actor: str = "system") -> Principal: ...

class ServerPrincipal(metaclass=_pybind11_type):
    @property
    def server_role(self) -> str: ...
    @property
    def principal(self) -> Principal: ...

# domains (development, mobility, evaluation, life)

class AbsenceDocument(_Named):
    certificate_letter: ClassVar[AbsenceDocument]
    activity_certificate: ClassVar[AbsenceDocument]
    transfer: ClassVar[AbsenceDocument]
    home_branch_life: ClassVar[AbsenceDocument]

class AttendanceStatus(_Named):
    present: ClassVar[AttendanceStatus]
    absent: ClassVar[AttendanceStatus]
    guest: ClassVar[AttendanceStatus]

class BackPaymentPolicy(_Enum):
    flag: ClassVar[BackPaymentPolicy]
    refuse: ClassVar[BackPaymentPolicy]

class CadenceCondition(_Enum):
    none: ClassVar[CadenceCondition]
    lecturer_is_secretary: ClassVar[CadenceCondition]
    every_member: ClassVar[CadenceCondition]

class CadencePeriod(_Named):
    month: ClassVar[CadencePeriod]
    quarter: ClassVar[CadencePeriod]
    year: ClassVar[CadencePeriod]

class CampaignPhase(_Named):
    study: ClassVar[CampaignPhase]
    self_assessment: ClassVar[CampaignPhase]
    appraisal_self_review: ClassVar[CampaignPhase]
    appraisal_mutual_review: ClassVar[CampaignPhase]
    appraisal_vote: ClassVar[CampaignPhase]
    organisational_assessment: ClassVar[CampaignPhase]
    commendation_and_handling: ClassVar[CampaignPhase]
    closed: ClassVar[CampaignPhase]

class CaseOutcome(_Named):
    not_admitted: ClassVar[CaseOutcome]
    probation_cancelled: ClassVar[CaseOutcome]
    withdrawn: ClassVar[CaseOutcome]

class CertificateEventKind(_Named):
    presented: ClassVar[CertificateEventKind]
    reviewed: ClassVar[CertificateEventKind]
    returned: ClassVar[CertificateEventKind]
    lost: ClassVar[CertificateEventKind]
    revoked: ClassVar[CertificateEventKind]

class CertificateState(_Named):
    issued: ClassVar[CertificateState]
    presented: ClassVar[CertificateState]
    returned: ClassVar[CertificateState]
    void_lost: ClassVar[CertificateState]
    revoked: ClassVar[CertificateState]
    @property
    def is_open(self) -> bool: ...

class ContactKind(_Named):
    reached: ClassVar[ContactKind]
    attempt_failed: ClassVar[ContactKind]

class CommendationKind(_Named):
    outstanding_member: ClassVar[CommendationKind]
    outstanding_party_worker: ClassVar[CommendationKind]
    advanced_organisation: ClassVar[CommendationKind]
    @property
    def to_member(self) -> bool: ...

class CommendationLevel(_Named):
    awarding_org: ClassVar[CommendationLevel]
    district: ClassVar[CommendationLevel]
    city: ClassVar[CommendationLevel]
    province: ClassVar[CommendationLevel]
    national: ClassVar[CommendationLevel]

class ModelPostEnd(_Named):
    revoked: ClassVar[ModelPostEnd]
    lapsed: ClassVar[ModelPostEnd]

class RectificationKind(_Named):
    weak_org: ClassVar[RectificationKind]
    lagging_community: ClassVar[RectificationKind]

class RectificationReason(_Named):
    leadership_incomplete: ClassVar[RectificationReason]
    secretary_unfit: ClassVar[RectificationReason]
    org_life_irregular: ClassVar[RectificationReason]
    member_management_weak: ClassVar[RectificationReason]
    outside_interference: ClassVar[RectificationReason]
    public_complaints: ClassVar[RectificationReason]
    collective_economy_weak: ClassVar[RectificationReason]
    rules_not_implemented: ClassVar[RectificationReason]
    other: ClassVar[RectificationReason]

class RectificationContactKind(_Named):
    district_leader: ClassVar[RectificationContactKind]
    district_department: ClassVar[RectificationContactKind]
    first_secretary: ClassVar[RectificationContactKind]
    paired_community: ClassVar[RectificationContactKind]

class RectificationEvaluator(_Named):
    masses: ClassVar[RectificationEvaluator]
    members: ClassVar[RectificationEvaluator]
    superior: ClassVar[RectificationEvaluator]

class AcceptanceResult(_Named):
    passed: ClassVar[AcceptanceResult]
    failed: ClassVar[AcceptanceResult]

class UnitSector(_Named):
    non_public_enterprise: ClassVar[UnitSector]
    social_group: ClassVar[UnitSector]
    private_non_enterprise: ClassVar[UnitSector]
    foundation: ClassVar[UnitSector]
    state_owned_enterprise: ClassVar[UnitSector]
    public_institution: ClassVar[UnitSector]
    government_agency: ClassVar[UnitSector]
    village_community: ClassVar[UnitSector]
    other: ClassVar[UnitSector]

class CoverageForm(_Named):
    own: ClassVar[CoverageForm]
    joint: ClassVar[CoverageForm]

class ConversionDecision(_Named):
    convert: ClassVar[ConversionDecision]
    extend: ClassVar[ConversionDecision]
    cancel: ClassVar[ConversionDecision]

class DecisionBody(_Named):
    branch_committee: ClassVar[DecisionBody]
    branch_meeting: ClassVar[DecisionBody]

class DecisionRecordKind(_Named):
    proposed: ClassVar[DecisionRecordKind]
    two_committees_consulted: ClassVar[DecisionRecordKind]
    members_meeting_reviewed: ClassVar[DecisionRecordKind]
    villagers_resolved: ClassVar[DecisionRecordKind]
    resolution_published: ClassVar[DecisionRecordKind]
    result_published: ClassVar[DecisionRecordKind]

class DecisionStage(_Named):
    proposed: ClassVar[DecisionStage]
    consulted: ClassVar[DecisionStage]
    reviewed: ClassVar[DecisionStage]
    resolved: ClassVar[DecisionStage]
    resolution_published: ClassVar[DecisionStage]
    result_published: ClassVar[DecisionStage]
    rejected: ClassVar[DecisionStage]
    @property
    def closed(self) -> bool: ...

class DispositionForm(_Named):
    correction: ClassVar[DispositionForm]
    persuasion: ClassVar[DispositionForm]
    removal: ClassVar[DispositionForm]

class DispositionGround(_Named):
    weak_ideals: ClassVar[DispositionGround]
    religious_belief: ClassVar[DispositionGround]
    passivity: ClassVar[DispositionGround]
    org_life_or_dues_lapses: ClassVar[DispositionGround]
    lost_contact_6_months_to_2_years: ClassVar[DispositionGround]
    threatening_to_quit: ClassVar[DispositionGround]
    no_change_after_correction: ClassVar[DispositionGround]
    lost_member_conditions: ClassVar[DispositionGround]
    six_months_inactive: ClassVar[DispositionGround]
    suspended_unreachable_2_years: ClassVar[DispositionGround]
    refused_to_withdraw: ClassVar[DispositionGround]
    @property
    def form(self) -> DispositionForm: ...
    @property
    def follows(self) -> Optional[DispositionForm]: ...
    @property
    def exit_kind(self) -> Optional[StandingEventKind]: ...

class DispositionOutcome(_Enum):
    pending: ClassVar[DispositionOutcome]
    not_adopted: ClassVar[DispositionOutcome]
    dropped: ClassVar[DispositionOutcome]
    correcting: ClassVar[DispositionOutcome]
    corrected: ClassVar[DispositionOutcome]
    not_corrected: ClassVar[DispositionOutcome]
    awaiting_answer: ClassVar[DispositionOutcome]
    withdrew: ClassVar[DispositionOutcome]
    refused: ClassVar[DispositionOutcome]
    removed: ClassVar[DispositionOutcome]

class DuesCategory(_Named):
    employed: ClassVar[DuesCategory]
    retiree: ClassVar[DuesCategory]
    farmer: ClassVar[DuesCategory]
    student: ClassVar[DuesCategory]
    unemployed: ClassVar[DuesCategory]
    low_income: ClassVar[DuesCategory]

class DuesPaidAt(_Enum):
    home_org: ClassVar[DuesPaidAt]
    host_org: ClassVar[DuesPaidAt]

class DuesRounding(_Enum):
    half_up_fen: ClassVar[DuesRounding]
    truncate_fen: ClassVar[DuesRounding]
    up_fen: ClassVar[DuesRounding]
    half_up_jiao: ClassVar[DuesRounding]
    truncate_jiao: ClassVar[DuesRounding]
    up_jiao: ClassVar[DuesRounding]

class ElectionMeeting(_Named):
    members_meeting: ClassVar[ElectionMeeting]
    delegates_meeting: ClassVar[ElectionMeeting]

class ElectionRecordKind(_Named):
    election_requested: ClassVar[ElectionRecordKind]
    request_approved: ClassVar[ElectionRecordKind]
    members_nominated: ClassVar[ElectionRecordKind]
    masses_nominated: ClassVar[ElectionRecordKind]
    committee_reviewed: ClassVar[ElectionRecordKind]
    candidates_approved: ClassVar[ElectionRecordKind]
    meeting_held: ClassVar[ElectionRecordKind]
    round_counted: ClassVar[ElectionRecordKind]
    committee_elected: ClassVar[ElectionRecordKind]
    secretary_elected: ClassVar[ElectionRecordKind]
    result_reported: ClassVar[ElectionRecordKind]
    secretary_approved: ClassVar[ElectionRecordKind]
    term_extended: ClassVar[ElectionRecordKind]
    term_advanced: ClassVar[ElectionRecordKind]

class ElectionStage(_Named):
    not_started: ClassVar[ElectionStage]
    requested: ClassVar[ElectionStage]
    request_approved: ClassVar[ElectionStage]
    nominating: ClassVar[ElectionStage]
    reviewed: ClassVar[ElectionStage]
    candidates_approved: ClassVar[ElectionStage]
    meeting_held: ClassVar[ElectionStage]
    voting: ClassVar[ElectionStage]
    committee_elected: ClassVar[ElectionStage]
    secretary_elected: ClassVar[ElectionStage]
    result_reported: ClassVar[ElectionStage]
    completed: ClassVar[ElectionStage]

class EpisodePhase(_Enum):
    away: ClassVar[EpisodePhase]
    closed: ClassVar[EpisodePhase]

class EpisodeRecordKind(_Named):
    left: ClassVar[EpisodeRecordKind]
    registered: ClassVar[EpisodeRecordKind]
    reported_to_host: ClassVar[EpisodeRecordKind]
    moved: ClassVar[EpisodeRecordKind]
    host_activity: ClassVar[EpisodeRecordKind]
    dues_paid_at_host: ClassVar[EpisodeRecordKind]
    yearly_report: ClassVar[EpisodeRecordKind]
    returned: ClassVar[EpisodeRecordKind]
    transferred: ClassVar[EpisodeRecordKind]

class EpisodeSide(_Enum):
    home: ClassVar[EpisodeSide]
    host: ClassVar[EpisodeSide]

class ExemptionReason(_Named):
    unable_to_express_will: ClassVar[ExemptionReason]
    abroad_self_funded: ClassVar[ExemptionReason]
    serving_sentence: ClassVar[ExemptionReason]
    bedridden_or_elderly: ClassVar[ExemptionReason]
    away_without_transfer: ClassVar[ExemptionReason]
    @property
    def needs_absence(self) -> bool: ...

class FollowUpKind(_Named):
    commended: ClassVar[FollowUpKind]
    encouraged: ClassVar[FollowUpKind]
    helped: ClassVar[FollowUpKind]
    educated: ClassVar[FollowUpKind]
    disposition_opened: ClassVar[FollowUpKind]
    def fits(self, grade: Grade) -> bool: ...

class Grade(_Named):
    excellent: ClassVar[Grade]
    qualified: ClassVar[Grade]
    basically_qualified: ClassVar[Grade]
    unqualified: ClassVar[Grade]

class GradeSpan(_Enum):
    exactly: ClassVar[GradeSpan]
    or_better: ClassVar[GradeSpan]
    or_worse: ClassVar[GradeSpan]

class MeetingKind(_Named):
    branch_general_meeting: ClassVar[MeetingKind]
    committee_meeting: ClassVar[MeetingKind]
    group_meeting: ClassVar[MeetingKind]
    party_lecture: ClassVar[MeetingKind]
    theme_party_day: ClassVar[MeetingKind]
    organisation_life_meeting: ClassVar[MeetingKind]
    heart_to_heart_talk: ClassVar[MeetingKind]
    @property
    def needs_quorum(self) -> bool: ...
    @property
    def counts_as_org_life(self) -> bool: ...

class MobilityReason(_Named):
    work_business: ClassVar[MobilityReason]
    study: ClassVar[MobilityReason]
    accompany_family: ClassVar[MobilityReason]
    other: ClassVar[MobilityReason]

class Participation(_Enum):
    voting_member: ClassVar[Participation]
    non_voting_member: ClassVar[Participation]
    host_guest: ClassVar[Participation]
    none: ClassVar[Participation]

class PublicationChannel(_Named):
    notice_board: ClassVar[PublicationChannel]
    broadcast: ClassVar[PublicationChannel]
    wechat_group: ClassVar[PublicationChannel]
    meeting: ClassVar[PublicationChannel]
    other: ClassVar[PublicationChannel]

class Recommendation(_Named):
    member_recommendation: ClassVar[Recommendation]
    mass_organisation: ClassVar[Recommendation]

class CommunityRating(_Named):
    good: ClassVar[CommunityRating]
    fairly_good: ClassVar[CommunityRating]
    average: ClassVar[CommunityRating]
    poor: ClassVar[CommunityRating]

class AppraisalGrade(_Named):
    good: ClassVar[AppraisalGrade]
    fairly_good: ClassVar[AppraisalGrade]
    average: ClassVar[AppraisalGrade]
    poor: ClassVar[AppraisalGrade]

class AccountabilityKind(_Named):
    admonition_talk: ClassVar[AccountabilityKind]
    rectification: ClassVar[AccountabilityKind]
    organisational_treatment: ClassVar[AccountabilityKind]

class ResolvingBody(_Named):
    representatives_meeting: ClassVar[ResolvingBody]
    villagers_meeting: ClassVar[ResolvingBody]

class SelfWithdrawalGround(_Named):
    no_org_life: ClassVar[SelfWithdrawalGround]
    dues_unpaid: ClassVar[SelfWithdrawalGround]
    work_not_done: ClassVar[SelfWithdrawalGround]

class SlotStatus(_Named):
    met: ClassVar[SlotStatus]
    missed: ClassVar[SlotStatus]
    open: ClassVar[SlotStatus]
    exempt: ClassVar[SlotStatus]

class Stage(_Named):
    applicant: ClassVar[Stage]
    activist: ClassVar[Stage]
    development_target: ClassVar[Stage]
    probationary: ClassVar[Stage]
    full_member: ClassVar[Stage]

class Step(_Named):
    application_submitted: ClassVar[Step]
    talk_held: ClassVar[Step]
    activist_determined: ClassVar[Step]
    activist_filed: ClassVar[Step]
    contacts_assigned: ClassVar[Step]
    activist_assessed: ClassVar[Step]
    target_determined: ClassVar[Step]
    target_filed: ClassVar[Step]
    introducers_assigned: ClassVar[Step]
    political_review: ClassVar[Step]
    training_completed: ClassVar[Step]
    committee_reviewed: ClassVar[Step]
    pre_review: ClassVar[Step]
    application_form_filled: ClassVar[Step]
    admission_meeting: ClassVar[Step]
    higher_committee_talk: ClassVar[Step]
    admission_approved: ClassVar[Step]
    approval_filed: ClassVar[Step]
    assigned_to_branch: ClassVar[Step]
    oath_taken: ClassVar[Step]
    probation_assessed: ClassVar[Step]
    conversion_applied: ClassVar[Step]
    conversion_meeting: ClassVar[Step]
    conversion_approved: ClassVar[Step]
    archived: ClassVar[Step]
    public_notice: ClassVar[Step]
    cultivation_transferred: ClassVar[Step]
    withdrawn: ClassVar[Step]
    transferred_in: ClassVar[Step]
    @property
    def number(self) -> int: ...

class TimelineStatus(_Named):
    done: ClassVar[TimelineStatus]
    open: ClassVar[TimelineStatus]
    overdue: ClassVar[TimelineStatus]
    waiting: ClassVar[TimelineStatus]

class TrainingRole(_Named):
    member: ClassVar[TrainingRole]
    officer: ClassVar[TrainingRole]

class TransferEventKind(_Named):
    received: ClassVar[TransferEventKind]
    revoked: ClassVar[TransferEventKind]

class TransferState(_Named):
    issued: ClassVar[TransferState]
    received: ClassVar[TransferState]
    revoked: ClassVar[TransferState]
    expired: ClassVar[TransferState]

_Sex = Union[Sex, str]
_Ethnicity = Union[Ethnicity, str]
_Education = Union[Education, str]
_Category = Union[PersonnelCategory, str]
_OrgKind = Union[OrgKind, str]
_Role = Union[OfficerRole, str]
_EventKind = Union[StandingEventKind, str]
_Status = Union[AgendaStatus, str]

# ---------------------------------------------------------------------------------------------------
# Records: built from keywords, a mapping or an object with the fields as attributes
# ---------------------------------------------------------------------------------------------------

class _RecordBase(metaclass=_pybind11_type):
    def _asdict(self) -> dict[str, Any]: ...
    def replace(self: _T, **changes: Any) -> _T: ...
    def __copy__(self: _T) -> _T: ...
    def __deepcopy__(self: _T, memo: Any) -> _T: ...

class OrgUnit(_RecordBase):
    id: OrgId
    name: str
    kind: OrgKind
    parent: Optional[OrgId]
    established: datetime.date
    dissolved: Optional[datetime.date]
    village_or_community: bool
    term_start: Optional[datetime.date]
    term_years: int
    version: int
    def __init__(
        self,
        source: Optional[_Record] = None,
        /,
        *,
        id: OrgId = ...,
        name: str = ...,
        kind: _OrgKind = ...,
        parent: Optional[OrgId] = ...,
        established: _Date = ...,
        dissolved: Optional[_Date] = ...,
        village_or_community: bool = ...,
        term_start: Optional[_Date] = ...,
        term_years: int = ...,
        version: int = ...,
    ) -> None: ...
    def active_on(self, d: _Date) -> bool: ...

class Officer(_RecordBase):
    member: MemberId
    role: OfficerRole
    portfolio: str
    def __init__(
        self,
        source: Optional[_Record] = None,
        /,
        *,
        member: MemberId = ...,
        role: _Role = ...,
        portfolio: str = ...,
    ) -> None: ...

class OrgCounts(_RecordBase):
    full_members: int
    all_members: int
    officers: int
    def __init__(
        self,
        source: Optional[_Record] = None,
        /,
        *,
        full_members: int = ...,
        all_members: int = ...,
        officers: int = ...,
    ) -> None: ...

class Member(_RecordBase):
    id: MemberId
    name: str
    sex: Sex
    ethnicity: Ethnicity
    birth_date: datetime.date
    id_number: Optional[CitizenId]
    education: Optional[Education]
    category: Optional[PersonnelCategory]
    work_unit: str
    post: str
    native_place: str
    phone: str
    address: str
    branch: OrgId
    joined_branch: datetime.date
    application_date: Optional[datetime.date]
    admission_date: datetime.date
    full_member_date: Optional[datetime.date]
    backfilled: bool
    version: int
    def __init__(
        self,
        source: Optional[_Record] = None,
        /,
        *,
        id: MemberId = ...,
        name: str = ...,
        sex: _Sex = ...,
        ethnicity: _Ethnicity = ...,
        birth_date: _Date = ...,
        id_number: Optional[Union[str, CitizenId]] = ...,
        education: Optional[_Education] = ...,
        category: Optional[_Category] = ...,
        work_unit: str = ...,
        post: str = ...,
        native_place: str = ...,
        phone: str = ...,
        address: str = ...,
        branch: OrgId = ...,
        joined_branch: _Date = ...,
        application_date: Optional[_Date] = ...,
        admission_date: _Date = ...,
        full_member_date: Optional[_Date] = ...,
        backfilled: bool = ...,
        version: int = ...,
    ) -> None: ...
    def status_on(self, d: _Date) -> Optional[MemberStatus]: ...

class StandingEvent(_RecordBase):
    kind: StandingEventKind
    date: datetime.date
    reason: str
    decided_by: str
    def __init__(
        self,
        source: Optional[_Record] = None,
        /,
        *,
        kind: _EventKind = ...,
        date: _Date = ...,
        reason: str = ...,
        decided_by: str = ...,
    ) -> None: ...

class Standing(_RecordBase):
    state: StandingState
    last_event: Optional[StandingEventKind]
    since: Optional[datetime.date]
    def __init__(
        self,
        source: Optional[_Record] = None,
        /,
        *,
        state: Union[StandingState, str] = ...,
        last_event: Optional[_EventKind] = ...,
        since: Optional[_Date] = ...,
    ) -> None: ...

class AgendaItem(_RecordBase):
    kind: str
    org: OrgId
    member: Optional[MemberId]
    subject: str
    due: datetime.date
    status: AgendaStatus
    rule_id: str
    message: str
    case_ref: Optional[CaseId]
    message_zh: str
    def __init__(
        self,
        source: Optional[_Record] = None,
        /,
        *,
        kind: str = ...,
        org: OrgId = ...,
        member: Optional[MemberId] = ...,
        subject: str = ...,
        due: _Date = ...,
        status: _Status = ...,
        rule_id: str = ...,
        message: str = ...,
        case_ref: Optional[CaseId] = ...,
        message_zh: str = ...,
    ) -> None: ...

class AuditEntry(_RecordBase):
    seq: int
    at: str
    actor: str
    entity: str
    entity_id: int
    action: str
    why: str
    detail: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class AuditVerification(metaclass=_pybind11_type):
    @property
    def ok(self) -> bool: ...
    @property
    def entries_checked(self) -> int: ...
    @property
    def first_bad_seq(self) -> Optional[int]: ...
    @property
    def message(self) -> str: ...
    @property
    def head_seq(self) -> int: ...
    @property
    def head_hash(self) -> str: ...
    def __bool__(self) -> bool: ...

class BranchVote(_RecordBase):
    entitled: int
    present: int
    written_opinions: int
    yes: int
    no: int
    abstain: int
    def __init__(
        self,
        source: Optional[_Record] = None,
        /,
        *,
        entitled: int = ...,
        present: int = ...,
        written_opinions: int = ...,
        yes: int = ...,
        no: int = ...,
        abstain: int = ...,
    ) -> None: ...

# records of the domains

class AbsencePlan(_RecordBase):
    expected_months: int
    fixed_place: bool
    short_trip: bool
    returns_often: bool
    transfer_blocked: bool
    members_together: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ActivityCertificate(_RecordBase):
    number: str
    member: MemberId
    issue: CertificateIssue
    records: list[_CertificateRecord]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def record(self, record: Any = None, /, *, rules: RuleSet = ..., **fields: Any) -> None: ...
    def state_on(self, d: _Date) -> Optional[CertificateStatus]: ...

class AggregationProfile(_RecordBase):
    name: str
    share_rules: list[ShareRule]
    weights: list[int]
    score_bands: list[ScoreBand]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class Applicant(_RecordBase):
    name: str
    sex: Sex
    birth_date: datetime.date
    id_number: Optional[CitizenId]
    ethnicity: Ethnicity
    education: Optional[Education]
    category: Optional[PersonnelCategory]
    work_unit: str
    branch: OrgId
    mobile: bool
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class AttendanceEntry(_RecordBase):
    member: MemberId
    status: AttendanceStatus
    absence_reason: str
    voting: bool
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class Ballot(_RecordBase):
    evaluator: MemberId
    member: MemberId
    choice: Grade
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class BallotsCounted(_RecordBase):
    date: datetime.date
    member: MemberId
    voters: list[MemberId]
    tally: GradeTally
    choices: list[IdentifiedChoice]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class BranchMeetingVoted(_RecordBase):
    date: datetime.date
    matter: str
    vote: BranchVote
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class BranchMove(_RecordBase):
    member: MemberId
    date: datetime.date
    from_branch: OrgId
    to_branch: OrgId
    previous_joined_branch: datetime.date
    letter: Optional[TransferLetterId]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class CadenceRule(_RecordBase):
    rule_id: str
    kind: MeetingKind
    period: CadencePeriod
    min_count: int
    condition: CadenceCondition
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class CadenceSlot(_RecordBase):
    start: datetime.date
    end: datetime.date
    label: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class Campaign(_RecordBase):
    id: CampaignId
    org: OrgId
    org_name: str
    year: int
    rule_set_name: str
    records: list[_CampaignRecord]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def record(self, record: Any = None, /, *, rules: RuleSet = ..., elsewhere: Any = ..., **fields: Any) -> None: ...
    def state_on(self, d: _Date) -> CampaignState: ...
    @property
    def state(self) -> CampaignState: ...

class CampaignSummary(_RecordBase):
    id: CampaignId
    org: OrgId
    org_name: str
    year: int
    rule_set_name: str
    phase: Optional[CampaignPhase]
    began: datetime.date
    closed_on: Optional[datetime.date]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class CaseSummary(_RecordBase):
    id: CaseId
    name: str
    branch: OrgId
    current: Stage
    outcome: Optional[CaseOutcome]
    member: Optional[MemberId]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class CertificateCount(_RecordBase):
    state: CertificateState
    count: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class CertificateIssue(_RecordBase):
    member_name: str
    branch: OrgId
    issuing_committee: OrgId
    issued: datetime.date
    reason: MobilityReason
    destination: str
    expected_months: int
    fixed_place: bool
    transfer_blocked_reason: str
    replaces: Optional[str]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class CertificatePresented(_RecordBase):
    date: datetime.date
    org: Optional[OrgId]
    org_name: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> CertificateEventKind: ...

class CertificateReviewed(_RecordBase):
    date: datetime.date
    org: Optional[OrgId]
    org_name: str
    evaluation: Optional[CampaignId]
    result: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> CertificateEventKind: ...

class CertificateReturned(_RecordBase):
    date: datetime.date
    org: Optional[OrgId]
    org_name: str
    report: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> CertificateEventKind: ...

class CertificateLost(_RecordBase):
    date: datetime.date
    reason: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> CertificateEventKind: ...

class CertificateRevoked(_RecordBase):
    date: datetime.date
    reason: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> CertificateEventKind: ...

class CertificateStatus(_RecordBase):
    state: CertificateState
    host: Optional[OrgId]
    host_name: str
    presented_on: Optional[datetime.date]
    last_review: Optional[datetime.date]
    closed_on: Optional[datetime.date]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ContactLog(_RecordBase):
    member: MemberId
    member_name: str
    branch: OrgId
    known_contact: datetime.date
    records: list[_ContactRecord]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def record(self, record: Any = None, /, **fields: Any) -> None: ...

class ContactReached(_RecordBase):
    date: datetime.date
    channel: str
    by: str
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> ContactKind: ...

class ContactAttemptFailed(_RecordBase):
    date: datetime.date
    channel: str
    by: str
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> ContactKind: ...

class CorrectionReviewed(_RecordBase):
    date: datetime.date
    matter: str
    corrected: bool
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DispositionApproved(_RecordBase):
    date: datetime.date
    matter: str
    approved_by: str
    correct_until: Optional[datetime.date]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DispositionDropped(_RecordBase):
    date: datetime.date
    matter: str
    reason: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DispositionFile(_RecordBase):
    member: MemberId
    member_name: str
    org: OrgId
    rule_set_name: str
    records: list[_DispositionRecord]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def record(self, record: Any = None, /, *, rules: RuleSet = ..., **fields: Any) -> None: ...
    def dispositions_on(self, d: _Date, rules: RuleSet = ...) -> list[DispositionState]: ...

class DispositionOpened(_RecordBase):
    date: datetime.date
    matter: str
    ground: DispositionGround
    form: DispositionForm
    status: MemberStatus
    proposed_by: str
    campaign: Optional[CampaignId]
    already_disciplined: bool
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DispositionOverview(_RecordBase):
    member: MemberId
    member_name: str
    org: OrgId
    state: DispositionState
    deadline: Optional[datetime.date]
    next_step: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DispositionState(_RecordBase):
    matter: str
    ground: DispositionGround
    form: DispositionForm
    opened: datetime.date
    filed: Optional[datetime.date]
    investigated_on: Optional[datetime.date]
    talked: Optional[datetime.date]
    voted: Optional[datetime.date]
    approved: Optional[datetime.date]
    correct_until: Optional[datetime.date]
    concluded: Optional[datetime.date]
    vote: Optional[BranchVote]
    outcome: DispositionOutcome
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def open(self) -> bool: ...
    def exited(self) -> bool: ...

class DocumentAdvice(_RecordBase):
    document: AbsenceDocument
    rule_id: str
    reason: str
    temporary_org: bool
    temporary_org_rule_id: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DuesAccount(_RecordBase):
    member: MemberId
    admission_date: datetime.date
    ledger_start: Optional[datetime.date]
    last_month: Optional[datetime.date]
    pays_quarterly: bool
    bases: list[DuesBaseChange]
    reliefs: list[DuesRelief]
    excuses: list[DuesExcuse]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DuesBaseChange(_RecordBase):
    effective: Optional[datetime.date]
    category: DuesCategory
    base: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DuesBracket(_RecordBase):
    upper_fen: int
    rate_bp: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DuesExcuse(_RecordBase):
    from_: Optional[datetime.date]
    to: Optional[datetime.date]
    reason: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DuesMonthStatus(_RecordBase):
    month: Optional[datetime.date]
    due: int
    paid: int
    excused: bool
    pay_by: datetime.date
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def shortfall(self) -> int: ...

class BranchCadence(_RecordBase):
    org: OrgId
    name: str
    start: datetime.date
    tally: CadenceTally
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class CadenceTally(_RecordBase):
    required: int
    held: int
    missed: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DuesMonthTotal(_RecordBase):
    month: datetime.date
    amount: int
    payments: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DuesPayment(_RecordBase):
    member: MemberId
    month: Optional[datetime.date]
    amount: int
    voluntary: bool
    paid_at: DuesPaidAt
    collecting_org: OrgId
    collected_by: str
    paid_on: datetime.date
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DuesPaymentCheck(_RecordBase):
    months_back: int
    late_back_payment: bool
    to_centre: bool
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DuesPosition(_RecordBase):
    member: MemberId
    name: str
    branch: OrgId
    statement: DuesStatement
    streak: Optional[UnpaidStreak]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DuesRelief(_RecordBase):
    from_: Optional[datetime.date]
    to: Optional[datetime.date]
    monthly_amount: int
    reason: str
    branch_studied_on: Optional[datetime.date]
    approved_by: str
    approved_on: Optional[datetime.date]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DuesStatement(_RecordBase):
    member: MemberId
    as_of: datetime.date
    months: list[DuesMonthStatus]
    due: int
    paid: int
    arrears: int
    months_in_arrears: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def months_table(self) -> DuesMonths: ...

class DuesTerms(_RecordBase):
    ledger_start: Optional[datetime.date]
    last_month: Optional[datetime.date]
    pays_quarterly: bool
    version: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class MemberLeft(_RecordBase):
    date: datetime.date
    reason: MobilityReason
    destination: MobilityDestination
    fixed_place: bool
    expected_months: Optional[int]
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> EpisodeRecordKind: ...

class RegisteredAsMobile(_RecordBase):
    date: datetime.date
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> EpisodeRecordKind: ...

class ReportedToHost(_RecordBase):
    date: datetime.date
    host_org: Optional[OrgId]
    host_org_name: str
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> EpisodeRecordKind: ...

class MovedPlace(_RecordBase):
    date: datetime.date
    destination: MobilityDestination
    fixed_place: bool
    expected_months: Optional[int]
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> EpisodeRecordKind: ...

class HostLifeAttended(_RecordBase):
    date: datetime.date
    host_org: Optional[OrgId]
    host_org_name: str
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> EpisodeRecordKind: ...

class HostDuesPaid(_RecordBase):
    date: datetime.date
    host_org: Optional[OrgId]
    host_org_name: str
    dues_month: Optional[datetime.date]
    dues_months: int
    amount_fen: int
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> EpisodeRecordKind: ...

class YearlyReportMade(_RecordBase):
    date: datetime.date
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> EpisodeRecordKind: ...

class MemberReturned(_RecordBase):
    date: datetime.date
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> EpisodeRecordKind: ...

class RelationshipTransferred(_RecordBase):
    date: datetime.date
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> EpisodeRecordKind: ...

class EpisodeState(_RecordBase):
    phase: EpisodePhase
    left_on: datetime.date
    reason: MobilityReason
    destination: MobilityDestination
    at_place_since: datetime.date
    fixed_place: bool
    expected_months: Optional[int]
    registered_on: Optional[datetime.date]
    host_org: Optional[OrgId]
    reported_on: Optional[datetime.date]
    last_host_activity: Optional[datetime.date]
    dues_paid_through: Optional[datetime.date]
    last_yearly_report: Optional[datetime.date]
    closed_on: Optional[datetime.date]
    closed_by: Optional[EpisodeRecordKind]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ExemptionApproved(_RecordBase):
    date: datetime.date
    member: MemberId
    reason: ExemptionReason
    approved_by: str
    away_since: Optional[datetime.date]
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class FinalGrade(_RecordBase):
    member: MemberId
    year: int
    org: OrgId
    decided: Grade
    date: datetime.date
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class FollowUp(_RecordBase):
    date: datetime.date
    member: MemberId
    kind: FollowUpKind
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class GradeDecided(_RecordBase):
    date: datetime.date
    member: MemberId
    decided: Grade
    by: DecisionBody
    vote: Optional[BranchVote]
    over_cap_reason: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class GradeDistribution(_RecordBase):
    campaign: CampaignId
    org: OrgId
    org_name: str
    year: int
    counts: list[int]
    denominator: int
    excellent_cap: int
    excellent_share: float
    probationary: int
    exempted: int
    pending: int
    graded_for_others: int
    phase: Optional[CampaignPhase]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def graded(self) -> int: ...
    def __getitem__(self, grade: Grade) -> int: ...

class GradeProposed(_RecordBase):
    date: datetime.date
    member: MemberId
    proposed: Grade
    basis: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class GradeTally(_RecordBase):
    excellent: int
    qualified: int
    basically_qualified: int
    unqualified: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def total(self) -> int: ...
    def __getitem__(self, grade: Grade) -> int: ...

class IdentifiedChoice(_RecordBase):
    evaluator: MemberId
    choice: Grade
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class Investigated(_RecordBase):
    date: datetime.date
    matter: str
    findings: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class LifeScope(_RecordBase):
    has_committee: bool
    groups: list[OrgId]
    members: list[MemberId]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class LowGradeFollowUp(_RecordBase):
    campaign: CampaignId
    org: OrgId
    year: int
    member: MemberId
    name: str
    final: Grade
    graded_by: OrgId
    graded_on: datetime.date
    follow_ups: list[FollowUpKind]
    followed_up: bool
    dispositions: list[DispositionState]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class Meeting(_RecordBase):
    id: MeetingId
    org: OrgId
    kind: MeetingKind
    date: datetime.date
    topic: str
    chair: Optional[MemberId]
    chair_is_secretary: bool
    attendance: list[AttendanceEntry]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class MemberEligibility(_RecordBase):
    exists: bool
    full_member: bool
    normal_standing: bool
    rights_suspended: bool
    id_number: Optional[CitizenId]
    name: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class MemberInformed(_RecordBase):
    date: datetime.date
    member: MemberId
    by: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class MemberLifeActivity(_RecordBase):
    member: MemberId
    branch: OrgId
    admitted: datetime.date
    last_org_life: Optional[datetime.date]
    last_paid_month: Optional[datetime.date]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class MemberMobility(_RecordBase):
    member: MemberId
    member_name: str
    branch: OrgId
    episodes: list[MobilityEpisode]
    certificates: list[ActivityCertificate]
    letters: list[TransferLetter]
    contacts: Optional[ContactLog]
    standing: list[StandingEvent]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class MobilityCount(_RecordBase):
    key: str
    org: Optional[OrgId]
    away: int
    mobile: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class MobilityDestination(_RecordBase):
    place: str
    host_org: Optional[OrgId]
    host_org_name: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class MobilityEpisode(_RecordBase):
    id: EpisodeId
    member: MemberId
    member_name: str
    home_branch: OrgId
    records: list[_EpisodeRecord]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def record(self, record: Any = None, /, *, rules: RuleSet = ..., **fields: Any) -> None: ...
    def state_on(self, d: _Date) -> Optional[EpisodeState]: ...

class NonMemberOpinion(_RecordBase):
    date: datetime.date
    about: Optional[MemberId]
    source: str
    summary: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class NoticeRecord(_RecordBase):
    notice_for: Step
    start: datetime.date
    end: datetime.date
    objections: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class Participant(_RecordBase):
    member: MemberId
    name: str
    status: MemberStatus
    relationship_in: Optional[OrgId]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ParticipantState(_RecordBase):
    who: Participant
    exempted: Optional[ExemptionReason]
    self_assessed_on: Optional[datetime.date]
    voters: set[MemberId]
    tally: GradeTally
    choices: list[IdentifiedChoice]
    proposed: Optional[Grade]
    proposed_on: Optional[datetime.date]
    informed: bool
    final: Optional[Grade]
    graded_by: Optional[OrgId]
    graded_on: Optional[datetime.date]
    result_sent: bool
    follow_ups: list[FollowUpKind]
    non_member_opinions: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def relationship_here(self) -> bool: ...
    def gradable(self) -> bool: ...

class ParticipantsAdded(_RecordBase):
    date: datetime.date
    participants: list[Participant]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class PartyProbation(_RecordBase):
    from_: datetime.date
    months: int
    rights_suspended: bool
    decided_by: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def until(self) -> datetime.date: ...

class PersuasionAnswered(_RecordBase):
    date: datetime.date
    matter: str
    withdrew: bool
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class PhaseStarted(_RecordBase):
    date: datetime.date
    phase: CampaignPhase
    by_party_groups: bool
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class PriorFiled(_RecordBase):
    date: datetime.date
    matter: str
    filed_with: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ResultReceived(_RecordBase):
    date: datetime.date
    member: MemberId
    from_: OrgId
    received: Grade
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ResultSent(_RecordBase):
    date: datetime.date
    member: MemberId
    to: OrgId
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ScoreBand(_RecordBase):
    min_average: int
    suggested: Grade
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class SelfAssessmentSubmitted(_RecordBase):
    date: datetime.date
    member: MemberId
    summary: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class SelfWithdrawalGroundDate(_RecordBase):
    ground: SelfWithdrawalGround
    from_: datetime.date
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class SelfWithdrawalInput(_RecordBase):
    member: MemberId
    inputs: SelfWithdrawalInputs
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class SelfWithdrawalInputs(_RecordBase):
    tracked_since: datetime.date
    last_org_life: Optional[datetime.date]
    last_dues_month: Optional[datetime.date]
    work_neglected_since: Optional[datetime.date]
    good_reason: bool
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ShareLimit(_RecordBase):
    numerator: int
    denominator: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ShareRule(_RecordBase):
    suggested: Grade
    counted: Grade
    span: GradeSpan
    numerator: int
    denominator: int
    strict: bool
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class SlotResult(_RecordBase):
    rule_id: str
    kind: MeetingKind
    period: CadencePeriod
    slot: CadenceSlot
    status: SlotStatus
    held: int
    required: int
    group: Optional[OrgId]
    member: Optional[MemberId]
    message: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class StageStatistics(_RecordBase):
    stage: Stage
    on_date: int
    entered: int
    left: int
    mean_dwell_days: float
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class StandingHistoryEntry(_RecordBase):
    member: MemberId
    kind: StandingEventKind
    date: datetime.date
    reason: str
    decided_by: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ApplicationSubmittedStep(_RecordBase):
    date: datetime.date
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TalkHeldStep(_RecordBase):
    date: datetime.date
    by: Optional[MemberId]
    reason: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ActivistDeterminedStep(_RecordBase):
    date: datetime.date
    recommended: Optional[Recommendation]
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ActivistFiledStep(_RecordBase):
    date: datetime.date
    document: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ContactsAssignedStep(_RecordBase):
    date: datetime.date
    members: list[MemberId]
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ActivistAssessedStep(_RecordBase):
    date: datetime.date
    conclusion: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TargetDeterminedStep(_RecordBase):
    date: datetime.date
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TargetFiledStep(_RecordBase):
    date: datetime.date
    document: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class IntroducersAssignedStep(_RecordBase):
    date: datetime.date
    members: list[MemberId]
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class PoliticalReviewStep(_RecordBase):
    date: datetime.date
    passed: Optional[bool]
    conclusion: str
    household_org: str
    residence_org: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TrainingCompletedStep(_RecordBase):
    date: datetime.date
    by: Optional[MemberId]
    days: int
    class_hours: int
    special_case: bool
    reason: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class CommitteeReviewedStep(_RecordBase):
    date: datetime.date
    document: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class PreReviewStep(_RecordBase):
    date: datetime.date
    passed: Optional[bool]
    conclusion: str
    document: str
    expected_leave: Optional[datetime.date]
    reason: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ApplicationFormFilledStep(_RecordBase):
    date: datetime.date
    document: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class AdmissionMeetingStep(_RecordBase):
    date: datetime.date
    vote: Optional[BranchVote]
    expected_leave: Optional[datetime.date]
    reason: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class HigherCommitteeTalkStep(_RecordBase):
    date: datetime.date
    by: Optional[MemberId]
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class AdmissionApprovedStep(_RecordBase):
    date: datetime.date
    passed: Optional[bool]
    document: str
    vote: Optional[BranchVote]
    reason: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ApprovalFiledStep(_RecordBase):
    date: datetime.date
    document: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class AssignedToBranchStep(_RecordBase):
    date: datetime.date
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class OathTakenStep(_RecordBase):
    date: datetime.date
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ProbationAssessedStep(_RecordBase):
    date: datetime.date
    conclusion: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ConversionAppliedStep(_RecordBase):
    date: datetime.date
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ConversionMeetingStep(_RecordBase):
    date: datetime.date
    vote: Optional[BranchVote]
    decision: Optional[ConversionDecision]
    extension_months: int
    reason: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ConversionApprovedStep(_RecordBase):
    date: datetime.date
    passed: Optional[bool]
    document: str
    vote: Optional[BranchVote]
    reason: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ArchivedStep(_RecordBase):
    date: datetime.date
    document: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class PublicNoticeStep(_RecordBase):
    date: datetime.date
    notice_for: Optional[Step]
    notice_end: Optional[datetime.date]
    objections: int
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class CultivationTransferredStep(_RecordBase):
    date: datetime.date
    since: Optional[datetime.date]
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class WithdrawnStep(_RecordBase):
    date: datetime.date
    reason: str
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TransferredInStep(_RecordBase):
    date: datetime.date
    note: str
    @property
    def kind(self) -> Step: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class StoredMeeting(_RecordBase):
    record: Meeting
    recorded_on: datetime.date
    version: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TalkHeld(_RecordBase):
    date: datetime.date
    matter: str
    talkers: list[Talker]
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class Talker(_RecordBase):
    member: MemberId
    status: MemberStatus
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TimelineRow(_RecordBase):
    kind: Step
    earliest: Optional[datetime.date]
    deadline: Optional[datetime.date]
    actual: list[datetime.date]
    status: TimelineStatus
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TrainingDue(_RecordBase):
    applies: bool
    hours: int
    concentrated_sessions: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TrainingRecord(_RecordBase):
    member: MemberId
    date: datetime.date
    course: str
    hours: int
    concentrated: bool
    provider: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TrainingRequirement(_RecordBase):
    rule_id: str
    applies_to: TrainingRole
    min_tenths: int
    concentrated_only: bool
    min_concentrated_sessions: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TrainingRosterEntry(_RecordBase):
    member: MemberId
    name: str
    role: TrainingRole
    admitted: Optional[datetime.date]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TrainingShortfall(_RecordBase):
    member: MemberId
    name: str
    role: TrainingRole
    rule_id: str
    required: int
    counted: int
    short_by: int
    required_sessions: int
    sessions: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TransferInFlight(_RecordBase):
    id: TransferLetterId
    serial: str
    member: MemberId
    member_name: str
    from_org: OrgId
    from_name: str
    to_org: OrgId
    to_name: str
    issued: datetime.date
    expires: datetime.date
    state: TransferState
    days_outstanding: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TransferLetter(_RecordBase):
    serial: str
    member: MemberId
    member_name: str
    from_org: OrgId
    from_name: str
    to_org: OrgId
    to_name: str
    issued: datetime.date
    validity_days: int
    records: list[_TransferRecord]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def record(self, record: Any = None, /, *, rules: RuleSet = ..., **fields: Any) -> None: ...
    def state_on(self, d: _Date, rules: RuleSet = ...) -> Optional[TransferStatus]: ...

class LetterReceived(_RecordBase):
    date: datetime.date
    by: Optional[OrgId]
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> TransferEventKind: ...

class LetterRevoked(_RecordBase):
    date: datetime.date
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    @property
    def kind(self) -> TransferEventKind: ...

class TransferStatus(_RecordBase):
    state: TransferState
    expires: datetime.date
    received_on: Optional[datetime.date]
    revoked_on: Optional[datetime.date]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class UnpaidStreak(_RecordBase):
    first: Optional[datetime.date]
    last: Optional[datetime.date]
    months: int
    reached: datetime.date
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

# elections (换届选举)

class ElectionAttendance(_RecordBase):
    entitled: int
    present: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class CandidateTally(_RecordBase):
    candidate: MemberId
    votes_for: int
    against: int
    abstain: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class RoundCounts(_RecordBase):
    seats: int
    voters_present: int
    ballots_issued: int
    ballots_returned: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class RoundResult(_RecordBase):
    void_round: bool
    rule_id: str
    elected: list[MemberId]
    tied: list[MemberId]
    unfilled: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TermChange(_RecordBase):
    term_ends: datetime.date
    held_on: datetime.date
    approved: bool
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ElectoralStanding(_RecordBase):
    full_member: bool
    on_probation_in_party: bool
    rights_suspended: bool
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class Nomination(_RecordBase):
    nominee: MemberId
    count: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class WriteIn(_RecordBase):
    name: str
    votes: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ElectionRequested(_RecordBase):
    date: datetime.date
    seats: int
    planned_on: datetime.date
    without_committee: bool
    document: str
    note: str
    @property
    def kind(self) -> ElectionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class RequestApproved(_RecordBase):
    date: datetime.date
    approved_by: str
    document: str
    note: str
    @property
    def kind(self) -> ElectionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class MembersNominated(_RecordBase):
    date: datetime.date
    nominees: list[Nomination]
    note: str
    @property
    def kind(self) -> ElectionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class MassesNominated(_RecordBase):
    date: datetime.date
    nominees: list[Nomination]
    note: str
    @property
    def kind(self) -> ElectionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class CommitteeReviewed(_RecordBase):
    date: datetime.date
    shortlist: list[MemberId]
    note: str
    @property
    def kind(self) -> ElectionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class CandidatesApproved(_RecordBase):
    date: datetime.date
    candidates: list[MemberId]
    approved_by: str
    document: str
    note: str
    @property
    def kind(self) -> ElectionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class MeetingHeld(_RecordBase):
    date: datetime.date
    meeting: ElectionMeeting
    attendance: ElectionAttendance
    dispersed: bool
    document: str
    note: str
    @property
    def kind(self) -> ElectionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class RoundCounted(_RecordBase):
    date: datetime.date
    counts: RoundCounts
    tallies: list[CandidateTally]
    write_ins: list[WriteIn]
    note: str
    @property
    def kind(self) -> ElectionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class CommitteeElected(_RecordBase):
    date: datetime.date
    members: list[MemberId]
    note: str
    @property
    def kind(self) -> ElectionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class SecretaryElected(_RecordBase):
    date: datetime.date
    secretary: MemberId
    deputies: list[MemberId]
    note: str
    @property
    def kind(self) -> ElectionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ResultReported(_RecordBase):
    date: datetime.date
    reported_to: str
    document: str
    note: str
    @property
    def kind(self) -> ElectionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class SecretaryApproved(_RecordBase):
    date: datetime.date
    approved_by: str
    document: str
    note: str
    @property
    def kind(self) -> ElectionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TermExtended(_RecordBase):
    date: datetime.date
    until: datetime.date
    approved_by: str
    document: str
    reason: str
    note: str
    @property
    def kind(self) -> ElectionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TermAdvanced(_RecordBase):
    date: datetime.date
    from_: datetime.date
    approved_by: str
    document: str
    reason: str
    note: str
    @property
    def kind(self) -> ElectionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ElectionCase(_RecordBase):
    id: ElectionId
    org: OrgId
    org_name: str
    term_ends: Optional[datetime.date]
    records: list[_ElectionRecord]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def record(
        self,
        record: Optional[_ElectionRecordArg] = None,
        /,
        *,
        context: Union[ElectionContext, _Record],
        rules: RuleSet = ...,
        **fields: Any,
    ) -> None: ...
    def state_on(self, d: _Date) -> ElectionState: ...
    @property
    def state(self) -> ElectionState: ...
    @property
    def stage(self) -> ElectionStage: ...

class ElectionContext(_RecordBase):
    members: int
    full_members: Optional[int]
    standing: dict[MemberId, ElectoralStanding]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ElectionSummary(_RecordBase):
    id: ElectionId
    org: OrgId
    org_name: str
    term_ends: Optional[datetime.date]
    stage: ElectionStage
    requested_on: datetime.date
    completed_on: Optional[datetime.date]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ElectionCompletion(_RecordBase):
    year: int
    due: int
    held: int
    overdue: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TermAndElection(_RecordBase):
    org: OrgId
    term_ends: Optional[datetime.date]
    election: Optional[ElectionCase]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

# decisions (四议两公开)

class Proposed(_RecordBase):
    date: datetime.date
    subject: str
    note: str
    @property
    def kind(self) -> DecisionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class TwoCommitteesConsulted(_RecordBase):
    date: datetime.date
    note: str
    @property
    def kind(self) -> DecisionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class MembersMeetingReviewed(_RecordBase):
    date: datetime.date
    vote: BranchVote
    note: str
    @property
    def kind(self) -> DecisionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class VillagersResolved(_RecordBase):
    date: datetime.date
    body: ResolvingBody
    members: int
    households: int
    present: int
    households_present: int
    in_favour: int
    implementation_due: Optional[datetime.date]
    note: str
    @property
    def kind(self) -> DecisionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ResolutionPublished(_RecordBase):
    date: datetime.date
    channel: PublicationChannel
    late_reason: str
    note: str
    @property
    def kind(self) -> DecisionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ResultPublished(_RecordBase):
    date: datetime.date
    channel: PublicationChannel
    implemented_on: Optional[datetime.date]
    late_reason: str
    note: str
    @property
    def kind(self) -> DecisionRecordKind: ...
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class DecisionCase(_RecordBase):
    id: DecisionId
    org: OrgId
    org_name: str
    rule_set_name: str
    records: list[_DecisionRecord]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def record(self, record: Optional[_DecisionRecordArg] = None, /, *, rules: RuleSet = ..., **fields: Any) -> None: ...
    @property
    def state(self) -> DecisionState: ...
    @property
    def stage(self) -> Optional[DecisionStage]: ...

class DecisionSummary(_RecordBase):
    id: DecisionId
    org: OrgId
    org_name: str
    subject: str
    rule_set_name: str
    stage: DecisionStage
    proposed_on: datetime.date
    last_date: datetime.date
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class CommunityRegistration(_RecordBase):
    id: RegistrationId
    member: MemberId
    community: OrgId
    registered_on: datetime.date
    left_on: Optional[datetime.date]
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def covers(self, day: _Date) -> bool: ...

class CommunityService(_RecordBase):
    member: MemberId
    date: datetime.date
    activity: str
    tenths: int
    note: str
    registration: RegistrationId
    community: OrgId
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class CommunityFeedback(_RecordBase):
    member: MemberId
    community: OrgId
    year: int
    rating: CommunityRating
    given_on: datetime.date
    note: str
    correction_reason: str
    branch: OrgId
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class AppraisalCycle(_RecordBase):
    id: AppraisalCycleId
    year: int
    organiser: OrgId
    levels: int
    opened_on: datetime.date
    closed_on: Optional[datetime.date]
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class AppraisalReport(_RecordBase):
    id: AppraisalReportId
    cycle: AppraisalCycleId
    org: OrgId
    reporter: Optional[MemberId]
    reported_on: datetime.date
    summary: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class AppraisalRating(_RecordBase):
    report: AppraisalReportId
    rated_on: datetime.date
    votes_good: int
    votes_fairly_good: int
    votes_average: int
    votes_poor: int
    satisfied: int
    basically_satisfied: int
    dissatisfied: int
    grade: Optional[AppraisalGrade]
    override_reason: str
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def votes(self) -> list[int]: ...

class AppraisalApplication(_RecordBase):
    report: AppraisalReportId
    applied_on: datetime.date
    use: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class AccountabilityRecord(_RecordBase):
    id: AccountabilityId
    kind: AccountabilityKind
    org: OrgId
    member: Optional[MemberId]
    cycle: Optional[AppraisalCycleId]
    decided_on: datetime.date
    reason: str
    deadline: Optional[datetime.date]
    completed_on: Optional[datetime.date]
    decision: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
# rectification of weak organisations (软弱涣散党组织, 后进社区整顿)

class RectificationContact(_RecordBase):
    kind: RectificationContactKind
    name: str
    org: Optional[OrgId]
    start: datetime.date
    end: Optional[datetime.date]
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def covers(self, day: _Date) -> bool: ...

class RectificationMilestone(_RecordBase):
    number: int
    text: str
    due: datetime.date
    completed_on: Optional[datetime.date]
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class RectificationCommitment(_RecordBase):
    date: datetime.date
    text: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class RectificationEvaluation(_RecordBase):
    date: datetime.date
    evaluator: RectificationEvaluator
    satisfied: int
    basically_satisfied: int
    dissatisfied: int
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def total(self) -> int: ...

class RectificationReview(_RecordBase):
    date: datetime.date
    result: AcceptanceResult
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class RectificationDesignation(_RecordBase):
    org: OrgId
    date: datetime.date
    kind: RectificationKind
    batch: str
    reasons: list[RectificationReason]
    other_reason: str
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class Rectification(_RecordBase):
    id: RectificationId
    org: OrgId
    org_name: str
    designated_on: datetime.date
    kind: RectificationKind
    batch: str
    reasons: list[RectificationReason]
    other_reason: str
    note: str
    contacts: list[RectificationContact]
    milestones: list[RectificationMilestone]
    commitments: list[RectificationCommitment]
    evaluations: list[RectificationEvaluation]
    reviews: list[RectificationReview]
    removed_on: Optional[datetime.date]
    rule_set_name: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def open_on(self, day: _Date) -> bool: ...

# coverage of units by party organisations (两新组织党建覆盖)

class Unit(_RecordBase):
    id: UnitId
    name: str
    credit_code: str
    sector: UnitSector
    responsible: OrgId
    registered_on: datetime.date
    closed_on: Optional[datetime.date]
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def exists_on(self, day: _Date) -> bool: ...

class UnitHeadcount(_RecordBase):
    unit: UnitId
    on: datetime.date
    employees: int
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class CoverageLink(_RecordBase):
    id: CoverageLinkId
    unit: UnitId
    org: OrgId
    form: CoverageForm
    since: datetime.date
    until: Optional[datetime.date]
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def covers(self, day: _Date) -> bool: ...

class InstructorAssignment(_RecordBase):
    id: InstructorId
    unit: UnitId
    instructor: str
    member: Optional[MemberId]
    since: datetime.date
    until: Optional[datetime.date]
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class MemberUnit(_RecordBase):
    id: MemberUnitId
    member: MemberId
    unit: UnitId
    since: datetime.date
    until: Optional[datetime.date]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

# model posts and commendations (党员示范岗, 两优一先)

class ModelPostReview(_RecordBase):
    date: datetime.date
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ModelPostEnding(_RecordBase):
    date: datetime.date
    kind: ModelPostEnd
    reason: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ModelPostDesignation(_RecordBase):
    member: MemberId
    awarded_by: OrgId
    date: datetime.date
    title: str
    review_by: Optional[datetime.date]
    note: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

class ModelPost(_RecordBase):
    id: ModelPostId
    member: MemberId
    member_name: str
    branch: OrgId
    awarded_by: OrgId
    awarded_by_name: str
    designated_on: datetime.date
    title: str
    review_by: Optional[datetime.date]
    note: str
    rule_set_name: str
    reviews: list[ModelPostReview]
    ending: Optional[ModelPostEnding]
    member_left: Optional[datetime.date]
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...
    def active_on(self, date: _Date) -> bool: ...

class Commendation(_RecordBase):
    id: CommendationId
    kind: CommendationKind
    level: CommendationLevel
    date: datetime.date
    awarded_by: str
    member: Optional[MemberId]
    org: Optional[OrgId]
    campaign: Optional[CampaignId]
    note: str
    recipient_org: OrgId
    recipient_name: str
    def __init__(self, source: Optional[_Record] = None, /, **fields: Any) -> None: ...

_Month = Union[datetime.date, str]  # the first day of the month, or "YYYY-MM"
_EpisodeRecord = Union[
    MemberLeft,
    RegisteredAsMobile,
    ReportedToHost,
    MovedPlace,
    HostLifeAttended,
    HostDuesPaid,
    YearlyReportMade,
    MemberReturned,
    RelationshipTransferred,
]
_CertificateRecord = Union[
    CertificatePresented, CertificateReviewed, CertificateReturned, CertificateLost, CertificateRevoked
]
_TransferRecord = Union[LetterReceived, LetterRevoked]
_ContactRecord = Union[ContactReached, ContactAttemptFailed]
_StepRecord = Union[
    ApplicationSubmittedStep,
    TalkHeldStep,
    ActivistDeterminedStep,
    ActivistFiledStep,
    ContactsAssignedStep,
    ActivistAssessedStep,
    TargetDeterminedStep,
    TargetFiledStep,
    IntroducersAssignedStep,
    PoliticalReviewStep,
    TrainingCompletedStep,
    CommitteeReviewedStep,
    PreReviewStep,
    ApplicationFormFilledStep,
    AdmissionMeetingStep,
    HigherCommitteeTalkStep,
    AdmissionApprovedStep,
    ApprovalFiledStep,
    AssignedToBranchStep,
    OathTakenStep,
    ProbationAssessedStep,
    ConversionAppliedStep,
    ConversionMeetingStep,
    ConversionApprovedStep,
    ArchivedStep,
    PublicNoticeStep,
    CultivationTransferredStep,
    WithdrawnStep,
    TransferredInStep,
]
_StepRecordArg = Union[_StepRecord, Mapping[str, Any]]  # a mapping names its "kind"
_CampaignRecord = Union[
    PhaseStarted,
    ParticipantsAdded,
    ExemptionApproved,
    SelfAssessmentSubmitted,
    NonMemberOpinion,
    BallotsCounted,
    GradeProposed,
    MemberInformed,
    GradeDecided,
    ResultSent,
    ResultReceived,
    FollowUp,
]
_CampaignRecordArg = Union[_CampaignRecord, Mapping[str, Any]]  # a mapping names its "kind"
_DispositionRecord = Union[
    DispositionOpened,
    PriorFiled,
    Investigated,
    TalkHeld,
    BranchMeetingVoted,
    DispositionApproved,
    CorrectionReviewed,
    PersuasionAnswered,
    DispositionDropped,
]
_DispositionRecordArg = Union[_DispositionRecord, Mapping[str, Any]]
_ElectionRecord = Union[
    ElectionRequested,
    RequestApproved,
    MembersNominated,
    MassesNominated,
    CommitteeReviewed,
    CandidatesApproved,
    MeetingHeld,
    RoundCounted,
    CommitteeElected,
    SecretaryElected,
    ResultReported,
    SecretaryApproved,
    TermExtended,
    TermAdvanced,
]
_ElectionRecordArg = Union[_ElectionRecord, Mapping[str, Any]]  # a mapping names its "kind"
_DecisionRecord = Union[
    Proposed,
    TwoCommitteesConsulted,
    MembersMeetingReviewed,
    VillagersResolved,
    ResolutionPublished,
    ResultPublished,
]
_DecisionRecordArg = Union[_DecisionRecord, Mapping[str, Any]]  # a mapping names its "kind"

# ---------------------------------------------------------------------------------------------------
# Tables: bulk results with columns
# ---------------------------------------------------------------------------------------------------

class Table(metaclass=_pybind11_type):
    def __len__(self) -> int: ...
    @property
    def columns(self) -> list[str]: ...
    def to_numpy(self, labels: _Labels = "name") -> dict[str, numpy.ndarray]: ...
    def to_pandas(self, labels: _Labels = "name") -> pandas.DataFrame: ...
    def _columns(self) -> list[tuple[str, str, numpy.ndarray, Any]]: ...

class Roster(Table):
    def __getitem__(self, i: int) -> Member: ...
    def __iter__(self) -> Iterator[Member]: ...

class Agenda(Table):
    def __getitem__(self, i: int) -> AgendaItem: ...
    def __iter__(self) -> Iterator[AgendaItem]: ...

class AuditLog(Table):
    def __getitem__(self, i: int) -> AuditEntry: ...
    def __iter__(self) -> Iterator[AuditEntry]: ...

class OrgTable(Table):
    def __getitem__(self, i: int) -> OrgUnit: ...
    def __iter__(self) -> Iterator[OrgUnit]: ...

class RuleCatalogue(Table):
    def __getitem__(self, i: int) -> RuleInfo: ...
    def __iter__(self) -> Iterator[RuleInfo]: ...

class IdNumberChecks(Table):
    def __getitem__(self, i: int) -> IdNumberCheck: ...
    def __iter__(self) -> Iterator[IdNumberCheck]: ...

# tables of the domains

class BranchMoves(Table):
    def __getitem__(self, i: int) -> BranchMove: ...
    def __iter__(self) -> Iterator[BranchMove]: ...

class Campaigns(Table):
    def __getitem__(self, i: int) -> CampaignSummary: ...
    def __iter__(self) -> Iterator[CampaignSummary]: ...

class Cases(Table):
    def __getitem__(self, i: int) -> CaseSummary: ...
    def __iter__(self) -> Iterator[CaseSummary]: ...

class CertificateCounts(Table):
    def __getitem__(self, i: int) -> CertificateCount: ...
    def __iter__(self) -> Iterator[CertificateCount]: ...

class Certificates(Table):
    def __getitem__(self, i: int) -> ActivityCertificate: ...
    def __iter__(self) -> Iterator[ActivityCertificate]: ...

class ComplianceReport(Table):
    def __getitem__(self, i: int) -> SlotResult: ...
    def __iter__(self) -> Iterator[SlotResult]: ...
    def compliant(self) -> bool: ...
    def with_status(self, status: SlotStatus) -> ComplianceReport: ...

class ContactLogs(Table):
    def __getitem__(self, i: int) -> ContactLog: ...
    def __iter__(self) -> Iterator[ContactLog]: ...

class Decisions(Table):
    def __getitem__(self, i: int) -> DecisionSummary: ...
    def __iter__(self) -> Iterator[DecisionSummary]: ...

class ModelPosts(Table):
    def __getitem__(self, i: int) -> ModelPost: ...
    def __iter__(self) -> Iterator[ModelPost]: ...

class Commendations(Table):
    def __getitem__(self, i: int) -> Commendation: ...
    def __iter__(self) -> Iterator[Commendation]: ...

class CommunityRegistrations(Table):
    def __getitem__(self, i: int) -> CommunityRegistration: ...
    def __iter__(self) -> Iterator[CommunityRegistration]: ...

class CommunityServices(Table):
    def __getitem__(self, i: int) -> CommunityService: ...
    def __iter__(self) -> Iterator[CommunityService]: ...

class CommunityFeedbackTable(Table):
    def __getitem__(self, i: int) -> CommunityFeedback: ...
    def __iter__(self) -> Iterator[CommunityFeedback]: ...

class Rectifications(Table):
    def __getitem__(self, i: int) -> Rectification: ...
    def __iter__(self) -> Iterator[Rectification]: ...

class Units(Table):
    def __getitem__(self, i: int) -> Unit: ...
    def __iter__(self) -> Iterator[Unit]: ...

class UnitHeadcounts(Table):
    def __getitem__(self, i: int) -> UnitHeadcount: ...
    def __iter__(self) -> Iterator[UnitHeadcount]: ...

class CoverageLinks(Table):
    def __getitem__(self, i: int) -> CoverageLink: ...
    def __iter__(self) -> Iterator[CoverageLink]: ...

class InstructorAssignments(Table):
    def __getitem__(self, i: int) -> InstructorAssignment: ...
    def __iter__(self) -> Iterator[InstructorAssignment]: ...

class MemberUnits(Table):
    def __getitem__(self, i: int) -> MemberUnit: ...
    def __iter__(self) -> Iterator[MemberUnit]: ...

class DispositionOverviews(Table):
    def __getitem__(self, i: int) -> DispositionOverview: ...
    def __iter__(self) -> Iterator[DispositionOverview]: ...

class DuesArrears(Table):
    def __getitem__(self, i: int) -> DuesPosition: ...
    def __iter__(self) -> Iterator[DuesPosition]: ...

class DuesMonths(Table):
    def __getitem__(self, i: int) -> DuesMonthStatus: ...
    def __iter__(self) -> Iterator[DuesMonthStatus]: ...

class DuesCollected(Table):
    def __getitem__(self, i: int) -> DuesMonthTotal: ...
    def __iter__(self) -> Iterator[DuesMonthTotal]: ...

class MeetingsAgainstCadence(Table):
    def __getitem__(self, i: int) -> BranchCadence: ...
    def __iter__(self) -> Iterator[BranchCadence]: ...

class DuesPayments(Table):
    def __getitem__(self, i: int) -> DuesPayment: ...
    def __iter__(self) -> Iterator[DuesPayment]: ...

class Elections(Table):
    def __getitem__(self, i: int) -> ElectionSummary: ...
    def __iter__(self) -> Iterator[ElectionSummary]: ...

class Episodes(Table):
    def __getitem__(self, i: int) -> MobilityEpisode: ...
    def __iter__(self) -> Iterator[MobilityEpisode]: ...

class FinalGrades(Table):
    def __getitem__(self, i: int) -> FinalGrade: ...
    def __iter__(self) -> Iterator[FinalGrade]: ...

class GradeDistributions(Table):
    def __getitem__(self, i: int) -> GradeDistribution: ...
    def __iter__(self) -> Iterator[GradeDistribution]: ...

class LifeActivity(Table):
    def __getitem__(self, i: int) -> MemberLifeActivity: ...
    def __iter__(self) -> Iterator[MemberLifeActivity]: ...

class LowGradeFollowUps(Table):
    def __getitem__(self, i: int) -> LowGradeFollowUp: ...
    def __iter__(self) -> Iterator[LowGradeFollowUp]: ...

class Meetings(Table):
    def __getitem__(self, i: int) -> Meeting: ...
    def __iter__(self) -> Iterator[Meeting]: ...

class MobilityCounts(Table):
    def __getitem__(self, i: int) -> MobilityCount: ...
    def __iter__(self) -> Iterator[MobilityCount]: ...

class PipelineStatistics(Table):
    def __getitem__(self, i: int) -> StageStatistics: ...
    def __iter__(self) -> Iterator[StageStatistics]: ...

class StandingHistories(Table):
    def __getitem__(self, i: int) -> StandingHistoryEntry: ...
    def __iter__(self) -> Iterator[StandingHistoryEntry]: ...

class Timeline(Table):
    def __getitem__(self, i: int) -> TimelineRow: ...
    def __iter__(self) -> Iterator[TimelineRow]: ...

class TrainingLedger(Table):
    def __getitem__(self, i: int) -> TrainingRecord: ...
    def __iter__(self) -> Iterator[TrainingRecord]: ...

class TrainingShortfalls(Table):
    def __getitem__(self, i: int) -> TrainingShortfall: ...
    def __iter__(self) -> Iterator[TrainingShortfall]: ...

class TransfersInFlight(Table):
    def __getitem__(self, i: int) -> TransferInFlight: ...
    def __iter__(self) -> Iterator[TransferInFlight]: ...

# ---------------------------------------------------------------------------------------------------
# Calendar, working days, ID numbers, rules
# ---------------------------------------------------------------------------------------------------

def add_months(d: _Date, months: int) -> datetime.date: ...
def add_years(d: _Date, years: int) -> datetime.date: ...
def age_on(birth: _Date, on: _Date) -> int: ...
def deadline_months(start: _Date, months: int) -> datetime.date: ...
def within_months(start: _Date, d: _Date, months: int) -> bool: ...
def parse_date(text: str, field: str = "date") -> datetime.date: ...
def format_date(d: _Date) -> str: ...
def make_date(year: int, month: int, day: int) -> datetime.date: ...

class Estimated(NamedTuple):
    value: Any
    provisional: bool

class WorkCalendar(metaclass=_pybind11_type):
    def __init__(self) -> None: ...
    @staticmethod
    def china() -> WorkCalendar: ...
    def load(self, text: str, policy: OnExistingYear = ...) -> None: ...
    def load_file(self, path: Union[str, os.PathLike[str]], policy: OnExistingYear = ...) -> None: ...
    def has_year(self, year: int) -> bool: ...
    def years(self) -> list[int]: ...
    @overload
    def is_working_day(self, d: _Date, *, estimate: Literal[False] = ...) -> bool: ...
    @overload
    def is_working_day(self, d: _Date, *, estimate: Literal[True]) -> Estimated: ...
    @overload
    def add_working_days(self, start: _Date, n: int, *, estimate: Literal[False] = ...) -> datetime.date: ...
    @overload
    def add_working_days(self, start: _Date, n: int, *, estimate: Literal[True]) -> Estimated: ...
    @overload
    def working_days_between(self, start: _Date, end: _Date, *, estimate: Literal[False] = ...) -> int: ...
    @overload
    def working_days_between(self, start: _Date, end: _Date, *, estimate: Literal[True]) -> Estimated: ...
    def holiday_name(self, d: _Date) -> Optional[str]: ...
    def __copy__(self) -> WorkCalendar: ...
    def __deepcopy__(self, memo: Any) -> WorkCalendar: ...

class CitizenId(metaclass=_pybind11_type):
    def __init__(self, text: str) -> None: ...
    @staticmethod
    def parse(text: str) -> CitizenId: ...
    @staticmethod
    def try_parse(text: str) -> Optional[CitizenId]: ...
    @staticmethod
    def is_valid(text: str) -> bool: ...
    @property
    def birth_date(self) -> datetime.date: ...
    @property
    def sex(self) -> Sex: ...
    @property
    def address_code(self) -> str: ...
    @property
    def province_code(self) -> str: ...
    @property
    def province_name(self) -> str: ...
    @property
    def sequence_code(self) -> str: ...
    @property
    def check_character(self) -> str: ...
    @property
    def converted_from_15(self) -> bool: ...
    def masked(self) -> str: ...
    def __hash__(self) -> int: ...
    def __lt__(self, other: CitizenId) -> bool: ...

class IdNumberCheck(metaclass=_pybind11_type):
    @property
    def input(self) -> str: ...
    @property
    def valid(self) -> bool: ...
    @property
    def id_number(self) -> Optional[CitizenId]: ...
    @property
    def error(self) -> Optional[IdNumberError]: ...
    @property
    def message(self) -> str: ...

def gb11643_check_character(body17: str) -> str: ...
def upgrade_15_to_18(legacy15: str) -> str: ...
def province_name(code: str) -> Optional[str]: ...
def is_id_province_code(code: str) -> bool: ...
def check_id_numbers(texts: Iterable[Union[str, int, float, None]]) -> IdNumberChecks: ...

class RuleInfo(metaclass=_pybind11_type):
    @property
    def id(self) -> str: ...
    @property
    def document(self) -> str: ...
    @property
    def article(self) -> str: ...
    @property
    def confidence(self) -> Confidence: ...
    @property
    def summary(self) -> str: ...
    @property
    def citation(self) -> str: ...
    def __hash__(self) -> int: ...

def rule_catalogue() -> RuleCatalogue: ...
def find_rule(rule_id: str) -> RuleInfo: ...

class _Params(metaclass=_pybind11_type):
    def __init__(self, **fields: Any) -> None: ...
    def __copy__(self: _T) -> _T: ...
    def __deepcopy__(self: _T, memo: Any) -> _T: ...

class DevelopmentParams(_Params):
    activist_after_application_months: int
    applicant_min_age: int
    approval_extended_max_months: int
    approval_within_months: int
    assessment_every_months: int
    contacts_max: int
    contacts_min: int
    conversion_approval_months: int
    conversion_postpone_max_months: int
    cultivation_min_months: int
    extension_max_months: int
    extension_min_months: int
    introducers: int
    leaving_window_months: int
    meeting_after_pre_review_months: int
    notice_ahead_months: int
    oath_after_approval_months: int
    probation_months: int
    public_notice_first_day_counts: bool
    public_notice_working_days: int
    talk_within_months: int
    training_min_days: int
    training_min_hours: int

class MobilityParams(_Params):
    certificate_number_digits: int
    certificate_number_prefix: str
    certificate_review_interval_months: int
    certificate_review_notice_months: int
    certificate_validity_months: Optional[int]
    lost_contact_notice_months: int
    lost_contact_suspend_months: int
    mobile_after_months: int
    mobility_notice_months: int
    self_withdrawal_months: int
    suspended_removal_years: int
    temporary_org_min_members: int
    transfer_after_months: int
    transfer_letter_validity_days: int
    yearly_report_interval_months: int

class EvaluationParams(_Params):
    correction_months_default: int
    correction_months_max: int
    correction_review_notice_months: int
    disposition_talkers_min: int
    excellent_cap_hard: bool
    excellent_share_max: ShareLimit
    exemption_absence_months: int
    keep_ballot_identity: bool
    readmission_bar_years: int

class LifeParams(_Params):
    back_payment: BackPaymentPolicy
    back_payment_max_months: int
    cadence: list[CadenceRule]
    farmer_max_fen: int
    farmer_min_fen: int
    farmer_monthly_fen: int
    minimum_monthly_fen: int
    retiree_brackets: list[DuesBracket]
    rounding: DuesRounding
    salary_brackets: list[DuesBracket]
    training: list[TrainingRequirement]
    training_notice_month: int
    training_prorate_joiners: bool
    voluntary_centre_threshold_fen: int

class DecisionParams(_Params):
    resolution_public_within_days: int
    result_public_within_days: int

class CommunityParams(_Params):
    min_service_hours_yearly: int
    feedback_by_month: int
    notice_months: int

class HonoursParams(_Params):
    model_post_review_months: int

class AppraisalParams(_Params):
    report_by_month: int
    rectify_months: int
    followup_days: int
    min_satisfaction_percent: int
    notice_months: int
class RectificationParams(_Params):
    max_months: int
    contacts_days: int

class CoverageParams(_Params):
    establish_months: int
    notice_months: int

class RuleSet(_Params):
    name: str
    branch_min_full_members: int
    branch_max_members_advisory: int
    committee_threshold_full_members: int
    committee_min_size: int
    committee_max_size: int
    term_years_branch: int
    term_years_village_branch: int
    term_years_committee_min: int
    term_years_committee_max: int
    term_expiry_notice_months: int
    party_age_excludes_suspension: bool
    development: DevelopmentParams
    mobility: MobilityParams
    evaluation: EvaluationParams
    life: LifeParams
    decision: DecisionParams
    community: CommunityParams
    honours: HonoursParams
    coverage: CoverageParams
    appraisal: AppraisalParams
    rectification: RectificationParams
    @staticmethod
    def national_2014() -> RuleSet: ...

# ---------------------------------------------------------------------------------------------------
# Pure rules
# ---------------------------------------------------------------------------------------------------

def validate_counts(vote: BranchVote) -> None: ...
def quorate(vote: BranchVote) -> bool: ...
def passes(vote: BranchVote) -> bool: ...
def require_quorum(vote: BranchVote) -> None: ...
def require_passed(vote: BranchVote) -> None: ...
def status_for(due: _Date, as_of: _Date) -> AgendaStatus: ...
def is_branch(kind: OrgKind) -> bool: ...
def is_committee(kind: OrgKind) -> bool: ...
def may_be_child_of(child: OrgKind, parent: Optional[OrgKind]) -> bool: ...
def term_length_years(org: OrgUnit, rules: RuleSet = ...) -> int: ...
def term_end(org: OrgUnit, rules: RuleSet = ...) -> Optional[datetime.date]: ...
def validate_org(org: OrgUnit, parent: Optional[OrgUnit] = None, rules: RuleSet = ...) -> None: ...
def validate_leadership(
    org: OrgUnit,
    full_members: int,
    officers: Iterable[Union[Officer, _Record]],
    not_eligible: list[MemberId] = ...,
    rules: RuleSet = ...,
) -> None: ...
def org_agenda(org: OrgUnit, counts: OrgCounts, as_of: _Date, rules: RuleSet = ...) -> list[AgendaItem]: ...
def validate_member(member: Member, rules: RuleSet = ...) -> None: ...
def masking_policy() -> tuple[tuple[str, str, str, str], ...]: ...
def mask_field(record: str, field: str, text: str) -> str: ...
def standing_after(state: StandingState, kind: StandingEventKind) -> Optional[StandingState]: ...
def standing_on(
    member: Member, history: Iterable[Union[StandingEvent, _Record]], d: _Date
) -> Optional[Standing]: ...
def check_standing_event(
    member: Member, history: Iterable[Union[StandingEvent, _Record]], event: Union[StandingEvent, _Record]
) -> None: ...
def party_age_on(
    member: Member, history: Iterable[Union[StandingEvent, _Record]], on: _Date, rules: RuleSet = ...
) -> Optional[int]: ...

# ---------------------------------------------------------------------------------------------------
# Domains: development, mobility, evaluation, life
# ---------------------------------------------------------------------------------------------------

class CaseState(metaclass=_pybind11_type):
    @property
    def current(self) -> Stage: ...
    @property
    def outcome(self) -> Optional[CaseOutcome]: ...
    @property
    def recorded(self) -> set[Step]: ...
    @property
    def last_date(self) -> Optional[datetime.date]: ...
    @property
    def applied(self) -> Optional[datetime.date]: ...
    @property
    def first_talk(self) -> Optional[datetime.date]: ...
    @property
    def activist_since(self) -> Optional[datetime.date]: ...
    @property
    def cultivation_start(self) -> Optional[datetime.date]: ...
    @property
    def last_assessment(self) -> Optional[datetime.date]: ...
    @property
    def contacts(self) -> list[MemberId]: ...
    @property
    def target_since(self) -> Optional[datetime.date]: ...
    @property
    def introducers(self) -> list[MemberId]: ...
    @property
    def review_passed(self) -> Optional[bool]: ...
    @property
    def training_days(self) -> int: ...
    @property
    def training_hours(self) -> int: ...
    @property
    def training_waived(self) -> bool: ...
    @property
    def pre_review_date(self) -> Optional[datetime.date]: ...
    @property
    def pre_review_passed(self) -> Optional[bool]: ...
    @property
    def expected_leave(self) -> Optional[datetime.date]: ...
    @property
    def notices(self) -> list[NoticeRecord]: ...
    @property
    def admission_meeting(self) -> Optional[datetime.date]: ...
    @property
    def higher_talk(self) -> bool: ...
    @property
    def approval(self) -> Optional[datetime.date]: ...
    @property
    def oath(self) -> Optional[datetime.date]: ...
    @property
    def probation_end(self) -> Optional[datetime.date]: ...
    @property
    def extensions(self) -> int: ...
    @property
    def conversion_applied(self) -> Optional[datetime.date]: ...
    @property
    def conversion_meeting(self) -> Optional[datetime.date]: ...
    @property
    def pending_decision(self) -> Optional[ConversionDecision]: ...
    @property
    def pending_extension_months(self) -> int: ...
    @property
    def conversion_approved(self) -> Optional[datetime.date]: ...
    @property
    def full_member_date(self) -> Optional[datetime.date]: ...
    @property
    def archived(self) -> Optional[datetime.date]: ...

class Transition(metaclass=_pybind11_type):
    @property
    def kind(self) -> Step: ...
    @property
    def from_stages(self) -> list[Stage]: ...
    @property
    def to(self) -> Optional[Stage]: ...
    @property
    def repeatable(self) -> bool: ...
    @property
    def needs(self) -> list[Step]: ...

_Lookup = Callable[[MemberId, datetime.date], Union[MemberEligibility, _Record]]

class DevelopmentCase(metaclass=_pybind11_type):
    def __init__(
        self, person: Union[Applicant, _Record], rules: RuleSet = ..., backfilled: bool = False
    ) -> None: ...
    @property
    def person(self) -> Applicant: ...
    @property
    def rules(self) -> RuleSet: ...
    @property
    def backfilled(self) -> bool: ...
    @property
    def records(self) -> list[_StepRecord]: ...
    @property
    def state(self) -> CaseState: ...
    def state_on(self, d: _Date) -> CaseState: ...
    def check(
        self,
        step: Union[Step, str, _StepRecordArg],
        date: Optional[_Date] = None,
        details: Optional[_Record] = None,
        /,
        *,
        lookup: Optional[_Lookup] = None,
        **fields: Any,
    ) -> None: ...
    def record(
        self,
        step: Union[Step, str, _StepRecordArg],
        date: Optional[_Date] = None,
        details: Optional[_Record] = None,
        /,
        *,
        lookup: Optional[_Lookup] = None,
        **fields: Any,
    ) -> None: ...
    @staticmethod
    def replay(
        person: Union[Applicant, _Record], rules: RuleSet, backfilled: bool, records: Iterable[_StepRecordArg]
    ) -> DevelopmentCase: ...
    def agenda(self, as_of: _Date, id: Optional[CaseId] = None) -> Agenda: ...
    def timeline(self, as_of: _Date) -> Timeline: ...

class CertificateNumbering(metaclass=_pybind11_type):
    def __init__(self, prefix: str = "", digits: int = 6, next: int = 1) -> None: ...
    @staticmethod
    def from_rules(rules: RuleSet) -> CertificateNumbering: ...
    def peek(self) -> str: ...
    def next(self) -> str: ...
    def reserve(self, number: str) -> None: ...
    def taken(self, number: str) -> bool: ...
    @property
    def prefix(self) -> str: ...
    @property
    def digits(self) -> int: ...
    @property
    def next_sequence(self) -> int: ...
    @property
    def taken_numbers(self) -> set[str]: ...

class MobilityStatistics(metaclass=_pybind11_type):
    @property
    def as_of(self) -> datetime.date: ...
    @property
    def away(self) -> int: ...
    @property
    def mobile(self) -> int: ...
    @property
    def registered(self) -> int: ...
    @property
    def reported_to_host(self) -> int: ...
    @property
    def hosted(self) -> int: ...
    @property
    def by_destination(self) -> MobilityCounts: ...
    @property
    def by_reason(self) -> MobilityCounts: ...
    @property
    def by_home_branch(self) -> MobilityCounts: ...
    @property
    def by_host(self) -> MobilityCounts: ...

class CertificateStatistics(metaclass=_pybind11_type):
    @property
    def as_of(self) -> datetime.date: ...
    @property
    def by_state(self) -> CertificateCounts: ...
    @property
    def valid(self) -> int: ...
    @property
    def expired(self) -> int: ...
    @property
    def review_overdue(self) -> int: ...

class CampaignState(metaclass=_pybind11_type):
    @property
    def phase(self) -> Optional[CampaignPhase]: ...
    @property
    def phase_dates(self) -> list[Optional[datetime.date]]: ...
    @property
    def by_party_groups(self) -> list[bool]: ...
    @property
    def last_date(self) -> Optional[datetime.date]: ...
    @property
    def participants(self) -> dict[MemberId, ParticipantState]: ...
    def full_members_here(self) -> int: ...
    def excellent_here(self) -> int: ...
    def find(self, member: MemberId) -> Optional[ParticipantState]: ...

class ElectionState(metaclass=_pybind11_type):
    @property
    def stage(self) -> ElectionStage: ...
    @property
    def last_date(self) -> Optional[datetime.date]: ...
    @property
    def seats(self) -> int: ...
    @property
    def without_committee(self) -> bool: ...
    @property
    def planned_on(self) -> Optional[datetime.date]: ...
    @property
    def requested_on(self) -> Optional[datetime.date]: ...
    @property
    def approved_on(self) -> Optional[datetime.date]: ...
    @property
    def extended_until(self) -> Optional[datetime.date]: ...
    @property
    def advanced_from(self) -> Optional[datetime.date]: ...
    @property
    def nominations(self) -> dict[MemberId, int]: ...
    @property
    def members_nominated(self) -> bool: ...
    @property
    def shortlist(self) -> list[MemberId]: ...
    @property
    def candidates(self) -> list[MemberId]: ...
    @property
    def meeting(self) -> Optional[MeetingHeld]: ...
    @property
    def rounds(self) -> int: ...
    @property
    def elected(self) -> list[MemberId]: ...
    @property
    def open_seats(self) -> int: ...
    @property
    def committee(self) -> list[MemberId]: ...
    @property
    def secretary(self) -> Optional[MemberId]: ...
    @property
    def deputies(self) -> list[MemberId]: ...
    @property
    def elected_on(self) -> Optional[datetime.date]: ...
    @property
    def reported_on(self) -> Optional[datetime.date]: ...
    @property
    def completed_on(self) -> Optional[datetime.date]: ...

class CommunityStatistics(metaclass=_pybind11_type):
    @property
    def year(self) -> int: ...
    @property
    def registered_members(self) -> int: ...
    @property
    def members_with_service(self) -> int: ...
    @property
    def service_tenths(self) -> int: ...
    @property
    def members_with_feedback(self) -> int: ...
    @property
    def feedback_by_rating(self) -> dict[CommunityRating, int]: ...

class AppraisalStatistics(metaclass=_pybind11_type):
    @property
    def year(self) -> int: ...
    @property
    def cycles(self) -> int: ...
    @property
    def reports(self) -> int: ...
    @property
    def rated(self) -> int: ...
    @property
    def results_applied(self) -> int: ...
    @property
    def by_grade(self) -> dict[AppraisalGrade, int]: ...
    @property
    def satisfaction(self) -> dict[str, int]: ...
    @property
    def accountability_by_kind(self) -> dict[AccountabilityKind, int]: ...
    @property
    def rectifications_completed(self) -> int: ...
    @property
    def rectifications_completed_late(self) -> int: ...
    @property
    def rectifications_overdue(self) -> int: ...
class RectificationStatistics(metaclass=_pybind11_type):
    @property
    def year(self) -> int: ...
    @property
    def designated(self) -> int: ...
    @property
    def designated_by_kind(self) -> dict[RectificationKind, int]: ...
    @property
    def designated_by_reason(self) -> dict[RectificationReason, int]: ...
    @property
    def removed(self) -> int: ...
    @property
    def open_at_year_end(self) -> int: ...
    @property
    def overdue_at_year_end(self) -> int: ...
    @property
    def milestones_due(self) -> int: ...
    @property
    def milestones_completed_on_time(self) -> int: ...
    @property
    def milestones_completed(self) -> int: ...

class DecisionState(metaclass=_pybind11_type):
    @property
    def stage(self) -> Optional[DecisionStage]: ...
    @property
    def last_date(self) -> Optional[datetime.date]: ...
    @property
    def subject(self) -> str: ...
    @property
    def resolved_on(self) -> Optional[datetime.date]: ...
    @property
    def implementation_due(self) -> Optional[datetime.date]: ...
    @property
    def resolution_published_on(self) -> Optional[datetime.date]: ...
    @property
    def result_published_on(self) -> Optional[datetime.date]: ...

class CommendationCount(metaclass=_pybind11_type):
    @property
    def kind(self) -> CommendationKind: ...
    @property
    def level(self) -> CommendationLevel: ...
    @property
    def count(self) -> int: ...

class CoverageStatistics(metaclass=_pybind11_type):
    @property
    def year(self) -> int: ...
    @property
    def units(self) -> int: ...
    @property
    def units_by_sector(self) -> dict[UnitSector, int]: ...
    @property
    def own_organisation(self) -> int: ...
    @property
    def joint_branch(self) -> int: ...
    @property
    def instructor_only(self) -> int: ...
    @property
    def uncovered(self) -> int: ...
    @property
    def members_no_organisation(self) -> int: ...
    @property
    def establish_due(self) -> int: ...
    @property
    def no_members(self) -> int: ...
    @property
    def members(self) -> int: ...
    @property
    def new_sector_units(self) -> int: ...
    @property
    def new_sector_covered(self) -> int: ...
    @property
    def new_sector_members(self) -> int: ...
    @property
    def employees(self) -> int: ...
    @property
    def effective(self) -> int: ...
    def organisation_coverage(self) -> float: ...
    def work_coverage(self) -> float: ...
    def effective_coverage(self) -> float: ...

class HonoursStatistics(metaclass=_pybind11_type):
    @property
    def year(self) -> int: ...
    @property
    def posts_active_at_year_end(self) -> int: ...
    @property
    def posts_new(self) -> int: ...
    @property
    def posts_ended(self) -> int: ...
    @property
    def commendations(self) -> int: ...
    @property
    def by_kind_and_level(self) -> list[CommendationCount]: ...

def advise_document(plan: Any = None, /, *, rules: RuleSet = ..., **fields: Any) -> DocumentAdvice: ...
def apply_rate(base: int, rate_bp: int, mode: DuesRounding = ...) -> int: ...
def attempts_since_last_contact(log: ContactLog, d: _Date) -> int: ...
def attendance_counts(meeting: Meeting) -> BranchVote: ...
def campaign_agenda(campaign: Campaign, as_of: _Date, rules: RuleSet = ...) -> Agenda: ...
def campaign_record_kind(record: _CampaignRecordArg) -> str: ...
def disposition_record_kind(record: _DispositionRecordArg) -> str: ...
def campaign_state_of(campaign: Campaign) -> CampaignState: ...
def campaign_state_on(campaign: Campaign, d: _Date) -> CampaignState: ...
def case_agenda(case: DevelopmentCase, as_of: _Date, id: Optional[CaseId] = None) -> Agenda: ...
def case_timeline(case: DevelopmentCase, as_of: _Date) -> Timeline: ...
def certificate_after(state: CertificateState, kind: CertificateEventKind) -> Optional[CertificateState]: ...
def valid_certificates_on(
    certificates: Iterable[Union[ActivityCertificate, _Record]], d: _Date, rules: RuleSet = ...
) -> list[ActivityCertificate]: ...
def reissue_after_loss(
    lost: ActivityCertificate,
    lost_on: _Date,
    reason: str,
    numbering: CertificateNumbering,
    issue: Union[CertificateIssue, _Record],
    existing: Iterable[Union[ActivityCertificate, _Record]] = ...,
    rules: RuleSet = ...,
) -> ActivityCertificate: ...
def record_with_certificates(
    episode: MobilityEpisode,
    record: Union[_EpisodeRecord, _Record],
    certificates: Iterable[Union[ActivityCertificate, _Record]],
    rules: RuleSet = ...,
) -> None: ...
def certificate_agenda(certificate: ActivityCertificate, as_of: _Date, rules: RuleSet = ...) -> Agenda: ...
def certificate_expiry_date(certificate: ActivityCertificate, rules: RuleSet = ...) -> Optional[datetime.date]: ...
def certificate_state_on(certificate: ActivityCertificate, d: _Date) -> Optional[CertificateStatus]: ...
def check_campaign_record(campaign: Campaign, record: _CampaignRecordArg, rules: RuleSet = ..., elsewhere: Any = ...) -> None: ...
def check_certificate_record(certificate: ActivityCertificate, record: Any, rules: RuleSet = ...) -> None: ...
def check_contact_record(log: ContactLog, record: Any) -> None: ...
def check_disposition_record(file: DispositionFile, record: _DispositionRecordArg, rules: RuleSet = ...) -> None: ...
def check_dues_payment(payment: Any, account: DuesAccount, as_of: _Date, rules: RuleSet = ...) -> DuesPaymentCheck: ...
def check_episode_record(episode: MobilityEpisode, record: Any, rules: RuleSet = ...) -> None: ...
def check_excellent_share(excellent: int, full_members: int, reason: str = "", rules: RuleSet = ...) -> None: ...
def check_host_dues(certificates: Any, host: OrgId, d: _Date, rules: RuleSet = ...) -> None: ...
def check_issue(member: MemberId, issue: Any, existing: Any = ..., rules: RuleSet = ...) -> None: ...
def check_issuer(committee: OrgUnit) -> None: ...
def check_new_letter(letter: Any, existing: Any = ..., rules: RuleSet = ...) -> None: ...
def check_readmission(exit: Union[StandingEvent, _Record], application_date: _Date, rules: RuleSet = ...) -> None: ...
def check_tightens(base: RuleSet, profile: RuleSet) -> None: ...
def check_transfer_record(letter: TransferLetter, record: Any, rules: RuleSet = ...) -> None: ...
def check_vote_at(org: OrgId, member: Member, episodes: Any, d: _Date) -> None: ...
def correction_deadline(approved: _Date, rules: RuleSet = ...) -> datetime.date: ...
def count_ballots(ballots: Any, date: _Date, rules: RuleSet = ...) -> list[BallotsCounted]: ...
def disposition_agenda(file: DispositionFile, as_of: _Date, rules: RuleSet = ...) -> Agenda: ...
def dispositions_on(file: DispositionFile, d: _Date, rules: RuleSet = ...) -> list[DispositionState]: ...
def dues_agenda(account: DuesAccount, payments: Any, org: OrgId, subject: str, as_of: _Date, rules: RuleSet = ...) -> Agenda: ...
def dues_arrears(account: DuesAccount, payments: Any, as_of: _Date, rules: RuleSet = ...) -> DuesStatement: ...
def dues_due(account: DuesAccount, month: _Month, as_of: _Date, rules: RuleSet = ...) -> int: ...
def dues_rate_bp(brackets: Any, base: int) -> int: ...
def episode_agenda(episode: MobilityEpisode, as_of: _Date, rules: RuleSet = ...) -> Agenda: ...
def episode_state_on(episode: MobilityEpisode, d: _Date) -> Optional[EpisodeState]: ...
def evaluation_agenda(campaigns: Any, files: Any, as_of: _Date, rules: RuleSet = ...) -> Agenda: ...
def excellent_cap(full_members: int, rules: RuleSet = ...) -> int: ...
def exited_on(history: Any, d: _Date) -> bool: ...
def final_grades(campaign: Campaign) -> list[FinalGrade]: ...
@overload
def first_unpaid_streak(statement: DuesStatement, need: Optional[int] = None) -> Optional[UnpaidStreak]: ...
@overload
def first_unpaid_streak(
    account: DuesAccount, payments: Iterable[Union[DuesPayment, _Record]], as_of: _Date, rules: RuleSet = ...
) -> Optional[UnpaidStreak]: ...
def format_class_hours(tenths: int) -> str: ...
def format_month(month: _Month) -> str: ...
def format_yuan(fen: int) -> str: ...
def has_vote_at(org: OrgId, member: Member, d: _Date) -> bool: ...
def is_certificate_valid_on(certificate: ActivityCertificate, d: _Date, rules: RuleSet = ...) -> bool: ...
def is_mobile_member_on(episode: MobilityEpisode, d: _Date, rules: RuleSet = ...) -> bool: ...
def issue_certificate(numbering: CertificateNumbering, member: MemberId, issue: Any, existing: Any = ..., rules: RuleSet = ..., number: Optional[str] = None) -> ActivityCertificate: ...
def last_contact_on(log: ContactLog, d: _Date) -> datetime.date: ...
def last_day(month: _Month) -> datetime.date: ...
@overload
def last_org_life(meetings: Iterable[Union[Meeting, _Record]], as_of: _Date) -> dict[MemberId, datetime.date]: ...
@overload
def last_org_life(
    meetings: Iterable[Union[Meeting, _Record]], as_of: _Date, member: MemberId
) -> Optional[datetime.date]: ...
def last_paid_month(member: MemberId, payments: Any, as_of: _Date) -> Optional[datetime.date]: ...
def life_agenda(org: OrgUnit, meetings: Any, scope: Union[LifeScope, _Record], start: _Date, as_of: _Date, rules: RuleSet = ...) -> Agenda: ...
def life_compliance(org: OrgUnit, meetings: Any, scope: Union[LifeScope, _Record], start: _Date, end: _Date, rules: RuleSet = ...) -> ComplianceReport: ...
def local_profile_example() -> RuleSet: ...
def lost_contact_agenda(log: ContactLog, history: Any, as_of: _Date, rules: RuleSet = ...) -> Agenda: ...
def make_profile(name: str, change: Any = None) -> RuleSet: ...
def meeting_participants(meeting: Meeting) -> list[MemberId]: ...
def mobile_from(episode: MobilityEpisode, rules: RuleSet = ...) -> Optional[datetime.date]: ...
def mobility_agenda(mobility: Any, as_of: _Date, rules: RuleSet = ...) -> Agenda: ...
def month_of(d: _Date) -> datetime.date: ...
def monthly_dues(category: DuesCategory, base: int, params: LifeParams = ...) -> int: ...
def months_between(a: _Month, b: _Month) -> int: ...
def national_cadence() -> list[CadenceRule]: ...
def national_training_requirements() -> list[TrainingRequirement]: ...
def next_review_due(certificate: ActivityCertificate, d: _Date, rules: RuleSet = ...) -> datetime.date: ...
def out_of_contact_long_enough(log: ContactLog, d: _Date, rules: RuleSet = ...) -> bool: ...
def parse_class_hours(text: str, field: str = ...) -> int: ...
def parse_yuan(text: str, field: str = ...) -> int: ...
def participation_at(org: OrgId, member: Member, episodes: Any, d: _Date) -> Participation: ...
def pay_by(account: DuesAccount, month: _Month) -> datetime.date: ...
def reached_since(log: ContactLog, since: _Date, d: _Date) -> bool: ...
def readmission_barred_until(
    exit: Union[_Date, StandingEvent, DispositionFile], rules: RuleSet = ...
) -> Optional[datetime.date]: ...
def removal_due(history: Any, d: _Date, rules: RuleSet = ...) -> Optional[datetime.date]: ...
def require_removal_grounds(log: ContactLog, history: Any, d: _Date, rules: RuleSet = ...) -> None: ...
def require_suspension_grounds(log: ContactLog, history: Any, d: _Date, rules: RuleSet = ...) -> None: ...
def requirement_for(requirement: TrainingRequirement, entry: TrainingRosterEntry, year: int, params: LifeParams = ...) -> TrainingDue: ...
@overload
def responsible_org_on(letters: TransferLetter, original: None, d: _Date, rules: RuleSet = ...) -> OrgId: ...
@overload
def responsible_org_on(
    letters: Iterable[Union[TransferLetter, _Record]], original: OrgId, d: _Date, rules: RuleSet = ...
) -> OrgId: ...
def rights_suspended_on(sanctions: Any, d: _Date) -> bool: ...
def rule_set_from_text(text: str) -> RuleSet: ...
def self_withdrawal_agenda(member: Member, inputs: Any, history: Any, as_of: _Date, rules: RuleSet = ...) -> Agenda: ...
def self_withdrawal_dates(inputs: Any, rules: RuleSet = ...) -> list[SelfWithdrawalGroundDate]: ...
def self_withdrawal_grounds(inputs: Any, as_of: _Date, rules: RuleSet = ...) -> list[SelfWithdrawalGroundDate]: ...
def slot_containing(d: _Date, period: CadencePeriod) -> CadenceSlot: ...
def standing_event_of(state: DispositionState, decided_by: str = "") -> Optional[StandingEvent]: ...
def standing_exit(file: DispositionFile, rules: RuleSet = ...) -> Optional[StandingEvent]: ...
def suggest_grade(tally: GradeTally, profile: AggregationProfile = ...) -> Optional[Grade]: ...
def suggested_grade(state: CampaignState, member: MemberId, profile: AggregationProfile) -> Optional[Grade]: ...
def suspended_since(history: Any, d: _Date) -> Optional[datetime.date]: ...
def suspension_due(log: ContactLog, d: _Date, rules: RuleSet = ...) -> datetime.date: ...
def to_text(rules: RuleSet) -> str: ...
def training_agenda(org: OrgId, roster: Any, ledger: Any, as_of: _Date, rules: RuleSet = ...) -> Agenda: ...
def training_hours(member: MemberId, year: int, ledger: Any, as_of: _Date, concentrated_only: bool = ...) -> int: ...
def training_shortfalls(org: OrgId, year: int, roster: Any, ledger: Any, as_of: _Date, rules: RuleSet = ...) -> TrainingShortfalls: ...
def transfer_agenda(letter: TransferLetter, as_of: _Date, rules: RuleSet = ...) -> Agenda: ...
def transfer_expiry_date(letter: TransferLetter, rules: RuleSet = ...) -> datetime.date: ...
def transfer_required_from(episode: MobilityEpisode, d: _Date, rules: RuleSet = ...) -> Optional[datetime.date]: ...
def transfer_state_on(letter: TransferLetter, d: _Date, rules: RuleSet = ...) -> Optional[TransferStatus]: ...
def transfer_validity_days(letter: TransferLetter, rules: RuleSet = ...) -> int: ...
def transition_for(step: Step) -> Transition: ...
def transitions() -> list[Transition]: ...
def validate_ballots_counted(record: Any, rules: RuleSet = ...) -> None: ...
def validate_cadence(cadence: Any) -> None: ...
def validate_dues_account(account: Any, rules: RuleSet = ...) -> None: ...
def validate_dues_params(params: LifeParams) -> None: ...
def validate_meeting(meeting: Meeting, org: OrgUnit, as_of: _Date) -> None: ...
def validate_party_probation(probation: Any) -> None: ...
def validate_profile(profile: AggregationProfile) -> None: ...
def validate_relief(relief: Any) -> None: ...
def validate_training_ledger(ledger: Any, as_of: _Date) -> None: ...
def validate_training_record(record: Any, as_of: _Date) -> None: ...
def voluntary_to_centre(amount: int, params: LifeParams = ...) -> bool: ...
def whole_months_in_year(admitted: Optional[_Date], year: int) -> int: ...
def yearly_report_due(left: _Date, n: int, rules: RuleSet = ...) -> datetime.date: ...

# elections (换届选举)

def election_quorate(attendance: Union[ElectionAttendance, _Record]) -> bool: ...
def require_election_quorum(attendance: Union[ElectionAttendance, _Record]) -> None: ...
def minimum_candidates(seats: int) -> int: ...
def competitive_enough(seats: int, candidates: int) -> bool: ...
def require_competitive(seats: int, candidates: int) -> None: ...
def has_majority(votes_for: int, voters_present: int) -> bool: ...
def count_round(
    counts: Union[RoundCounts, _Record], tallies: Iterable[Union[CandidateTally, _Record]]
) -> RoundResult: ...
def extension_allowed(term_ends: _Date, held_on: _Date) -> bool: ...
def require_term_change(change: Union[TermChange, _Record]) -> None: ...
def delegates_meeting_allowed(members: int, dispersed: bool) -> bool: ...
def require_meeting_form(meeting: ElectionMeeting, members: int, dispersed: bool) -> None: ...
def may_vote_and_stand(standing: Union[ElectoralStanding, _Record]) -> bool: ...
def require_may_stand(standing: Union[ElectoralStanding, _Record], who: str = "") -> None: ...
def election_record_kind(record: _ElectionRecordArg) -> str: ...
def check_election_record(
    case: ElectionCase,
    record: _ElectionRecordArg,
    context: Union[ElectionContext, _Record],
    rules: RuleSet = ...,
) -> None: ...
def election_state_of(case: ElectionCase) -> ElectionState: ...
def election_state_on(case: ElectionCase, d: _Date) -> ElectionState: ...
def elected_leadership(state: ElectionState) -> list[Officer]: ...
def election_agenda(case: ElectionCase, as_of: _Date) -> Agenda: ...
def election_completion_of(
    terms: Iterable[Union[TermAndElection, _Record]], year: int, as_of: _Date
) -> ElectionCompletion: ...
def election_flow_chart() -> str: ...

# decisions (四议两公开)

def representatives_quorate(members: int, present: int) -> bool: ...
def villagers_quorate(adults: int, present: int, households: int = 0, households_present: int = 0) -> bool: ...
def resolution_adopted(present: int, in_favour: int) -> bool: ...
def members_meeting_approved(record: Union[MembersMeetingReviewed, _Record]) -> bool: ...
def resolution_carried(record: Union[VillagersResolved, _Record]) -> bool: ...
def require_resolution_quorum(record: Union[VillagersResolved, _Record]) -> None: ...
def decision_record_kind(record: _DecisionRecordArg) -> str: ...
def check_decision_record(case: DecisionCase, record: _DecisionRecordArg, rules: RuleSet = ...) -> None: ...
def decision_state_of(case: DecisionCase) -> DecisionState: ...
def decision_stage_after(record: _DecisionRecordArg) -> DecisionStage: ...
def resolution_public_deadline(state: DecisionState, rules: RuleSet = ...) -> Optional[datetime.date]: ...
def result_public_deadline(
    state: DecisionState, rules: RuleSet = ..., implemented_on: Optional[_Date] = None
) -> Optional[datetime.date]: ...
def decision_agenda(case: DecisionCase, as_of: _Date, rules: RuleSet = ...) -> Agenda: ...
def decision_flow_chart() -> str: ...
def hours_text(tenths: int) -> str: ...
def community_feedback_deadline(year: int, rules: RuleSet = ...) -> Optional[datetime.date]: ...
def plurality_grade(good: int, fairly_good: int, average: int, poor: int) -> AppraisalGrade: ...
def appraisal_report_deadline(cycle: AppraisalCycle, rules: RuleSet = ...) -> Optional[datetime.date]: ...

# coverage of units by party organisations (两新组织党建覆盖)

def check_credit_code(code: str) -> None: ...
def credit_code_check_character(first17: str) -> Optional[str]: ...
def is_new_sector(sector: UnitSector) -> bool: ...

# model posts and commendations (党员示范岗, 两优一先)

def post_review_due(post: ModelPost, as_of: _Date, rules: RuleSet = ...) -> Optional[datetime.date]: ...
def model_post_agenda(post: ModelPost, as_of: _Date, rules: RuleSet = ...) -> Agenda: ...
def check_commendation_form(commendation: Union[Commendation, _Record]) -> None: ...

# rectification of weak organisations (软弱涣散党组织, 后进社区整顿)

def rectification_deadline(designated_on: _Date, rules: RuleSet = ...) -> Optional[datetime.date]: ...
def rectification_agenda(rectification: Rectification, as_of: _Date, rules: RuleSet = ...) -> Agenda: ...

class StatisticsRow(_RecordBase):
    section: str
    section_zh: str
    item: str
    item_zh: str
    count: int
    subtotal: bool
    base: int
    def __init__(
        self,
        source: Optional[_Record] = None,
        /,
        *,
        section: str = ...,
        section_zh: str = ...,
        item: str = ...,
        item_zh: str = ...,
        count: int = ...,
        subtotal: bool = ...,
        base: int = ...,
    ) -> None: ...

class StatisticsTable(Table):
    def __getitem__(self, i: int) -> StatisticsRow: ...
    def __iter__(self) -> Iterator[StatisticsRow]: ...

class Statistics(metaclass=_pybind11_type):
    @property
    def as_of(self) -> datetime.date: ...
    @property
    def period(self) -> tuple[datetime.date, datetime.date]: ...
    @property
    def scope(self) -> Scope: ...
    @property
    def organisations(self) -> int: ...
    @property
    def branches(self) -> int: ...
    @property
    def total(self) -> int: ...
    @property
    def suspended(self) -> int: ...
    @property
    def evaluation_year(self) -> int: ...
    @property
    def elections(self) -> ElectionCompletion: ...
    @property
    def organisation_work_year(self) -> int: ...
    @property
    def rows(self) -> StatisticsTable: ...
    def percent(self, row: StatisticsRow) -> Optional[float]: ...
    def to_pandas(self, labels: _Labels = "name") -> pandas.DataFrame: ...

# ---------------------------------------------------------------------------------------------------
# The store
# ---------------------------------------------------------------------------------------------------

class Scope(metaclass=_pybind11_type):
    @staticmethod
    def all() -> Scope: ...
    @staticmethod
    def subtree(root: OrgId) -> Scope: ...
    @property
    def root(self) -> Optional[OrgId]: ...

_Scope = Optional[Union[OrgId, Scope]]

class Store(metaclass=_pybind11_type):
    schema_version_latest: ClassVar[int]
    @property
    def path(self) -> str: ...
    @property
    def closed(self) -> bool: ...
    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *args: Any) -> None: ...
    @property
    def schema_version(self) -> int: ...
    @property
    def rules(self) -> RuleSet: ...
    actor: str
    def set_actor(self, actor: str) -> None: ...
    @property
    def principal(self) -> Principal: ...
    @property
    def today(self) -> datetime.date: ...
    @property
    def read_only(self) -> bool: ...
    def backup(self, target: Union[str, os.PathLike[str]]) -> None: ...
    def load_holidays(self, text: str, source: str, replace: bool = False, why: str = "") -> None: ...
    def calendar(self) -> WorkCalendar: ...
    def loaded_holiday_years(self) -> list[tuple[int, str]]: ...
    def voting_roll(self, branch: OrgId, on: _Date) -> tuple[int, int]: ...
    # organisations
    def add_org(
        self, org: Optional[Union[OrgUnit, _Record]] = None, /, *, why: str = "", **fields: Any
    ) -> OrgId: ...
    def org(self, id: OrgId) -> OrgUnit: ...
    def update_org(self, org: Union[OrgUnit, _Record], why: str = "") -> None: ...
    def orgs(self, scope: _Scope = None) -> OrgTable: ...
    def set_leadership(
        self, org: OrgId, on: _Date, officers: Iterable[Union[Officer, _Record]], why: str = ""
    ) -> None: ...
    def leadership(self, org: OrgId, on: _Date) -> list[Officer]: ...
    # members
    def add_member(
        self, member: Optional[Union[Member, _Record]] = None, /, *, why: str = "", **fields: Any
    ) -> MemberId: ...
    def add_members(self, records: Iterable[Union[Member, _Record]], why: str = "") -> list[MemberId]: ...
    def get_member(self, id: MemberId) -> Member: ...
    def find_member(self, id_number: Union[str, CitizenId]) -> Optional[Member]: ...
    def update_member(self, member: Union[Member, _Record], why: str = "") -> None: ...
    def roster(self, scope: _Scope = None, as_of: Optional[_Date] = None, *, readers: Optional[int] = None) -> Roster: ...
    def member_count(self) -> int: ...
    # standing
    def record_standing(
        self,
        member: MemberId,
        event: Optional[Union[StandingEvent, _Record]] = None,
        /,
        *,
        why: str = "",
        **fields: Any,
    ) -> None: ...
    def standing_history(self, member: MemberId) -> list[StandingEvent]: ...
    def standing_on(self, member: MemberId, d: _Date) -> Optional[Standing]: ...
    def party_age(self, member: MemberId, on: _Date) -> Optional[int]: ...
    # development, mobility, evaluation, life
    def open_case(self, person: Union[Applicant, _Record], application: Union[_Date, _StepRecordArg], /, *, rule_set: str = "", backfilled: bool = ..., why: str = "") -> CaseId: ...
    def record_step(self, case: CaseId, step: Union[Step, str, _StepRecordArg], date: Optional[_Date] = None, details: Optional[_Record] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def get_case(self, case: CaseId) -> DevelopmentCase: ...
    def case_member(self, case: CaseId) -> Optional[MemberId]: ...
    def case_timeline(self, case: CaseId, as_of: _Date) -> Timeline: ...
    def cases(self, scope: _Scope = None) -> Cases: ...
    def pipeline_statistics(self, start: _Date, end: _Date, scope: _Scope = None) -> PipelineStatistics: ...
    def register_rule_set(self, profile: RuleSet) -> None: ...
    def rule_set_named(self, name: str) -> RuleSet: ...
    def record_party_probation(self, member: MemberId, probation: Optional[_Record] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def party_probations(self, member: MemberId) -> list[PartyProbation]: ...
    def find_members_by_name(self, name: str) -> Roster: ...
    def find_members(self, id_numbers: Iterable[Union[str, CitizenId]]) -> Roster: ...
    def standing_histories(self, scope: _Scope = None) -> StandingHistories: ...
    def record_access(self, what: str, why: str, rows: Optional[int] = None) -> None: ...
    def open_episode(self, member: MemberId, left: Optional[Union[MemberLeft, _Record]] = None, /, *, why: str = "", **fields: Any) -> EpisodeId: ...
    def record_episode(self, episode: EpisodeId, record: Optional[_Record] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def get_episode(self, episode: EpisodeId) -> MobilityEpisode: ...
    def member_episodes(self, member: MemberId) -> list[MobilityEpisode]: ...
    def episodes(self, scope: _Scope = None, side: Union[EpisodeSide, str] = ...) -> Episodes: ...
    def certificate_numbering(self) -> CertificateNumbering: ...
    def set_certificate_numbering(self, prefix: str, digits: int = ..., next_sequence: int = ..., why: str = "") -> None: ...
    def issue_certificate(self, member: MemberId, issue: Optional[_Record] = None, /, *, number: Optional[str] = None, why: str = "", **fields: Any) -> str: ...
    def reissue_certificate(self, lost: str, lost_on: _Date, reason: str, replacement: Optional[Union[CertificateIssue, _Record]] = None, why: str = "") -> str: ...
    def record_certificate(self, number: str, record: Optional[_Record] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def get_certificate(self, number: str) -> ActivityCertificate: ...
    def member_certificates(self, member: MemberId) -> list[ActivityCertificate]: ...
    def certificates(self, scope: _Scope = None) -> Certificates: ...
    def issue_transfer_letter(self, letter: Optional[_Record] = None, /, *, why: str = "", **fields: Any) -> TransferLetterId: ...
    def receive_transfer(self, letter: TransferLetterId, receipt: Union[_Date, LetterReceived, _Record], /, *, new_branch: Optional[OrgId] = None, why: str = "", **fields: Any) -> None: ...
    def revoke_transfer(self, letter: TransferLetterId, on: _Date, reason: str, why: str = "") -> None: ...
    def get_transfer_letter(self, letter: TransferLetterId) -> TransferLetter: ...
    def find_transfer_letter(self, issuer: OrgId, serial: str) -> Optional[TransferLetterId]: ...
    def member_transfer_letters(self, member: MemberId) -> list[TransferLetter]: ...
    def branch_moves(self, member: MemberId) -> BranchMoves: ...
    def responsible_branch_on(self, member: MemberId, d: _Date) -> OrgId: ...
    def open_contact_log(self, member: MemberId, known_contact: _Date, why: str = "") -> None: ...
    def record_contact(self, member: MemberId, record: Optional[_Record] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def find_contact_log(self, member: MemberId) -> Optional[ContactLog]: ...
    def contact_logs(self, scope: _Scope = None) -> ContactLogs: ...
    def suspend_for_lost_contact(self, member: MemberId, on: _Date, decided_by: str, why: str = "") -> None: ...
    def remove_for_lost_contact(self, member: MemberId, on: _Date, decided_by: str, why: str = "") -> None: ...
    def self_withdrawal_candidates(self, as_of: _Date, scope: _Scope = None, supplied: Iterable[Union[SelfWithdrawalInput, _Record]] = ...) -> Agenda: ...
    def mobility_agenda(self, as_of: _Date, scope: _Scope = None) -> Agenda: ...
    def mobility_statistics(self, as_of: _Date, scope: _Scope = None) -> MobilityStatistics: ...
    def certificate_statistics(self, as_of: _Date, scope: _Scope = None) -> CertificateStatistics: ...
    def transfers_in_flight(self, as_of: _Date, scope: _Scope = None) -> TransfersInFlight: ...
    def open_campaign(self, org: OrgId, year: int, study_begins: _Date, *, rule_set: str = "", why: str = "") -> CampaignId: ...
    def record_campaign(self, campaign: CampaignId, record: Optional[_CampaignRecordArg] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def record_ballots(self, campaign: CampaignId, date: _Date, ballots: Iterable[Union[Ballot, _Record]], why: str = "") -> None: ...
    def get_campaign(self, campaign: CampaignId) -> Campaign: ...
    def find_campaign(self, org: OrgId, year: int) -> Optional[CampaignId]: ...
    def participants_from_roster(self, org: OrgId, on: _Date) -> list[Participant]: ...
    def campaigns(self, scope: _Scope = None, year: Optional[int] = None) -> Campaigns: ...
    def decided_grades(self, year: int) -> FinalGrades: ...
    def grade_of(self, member: MemberId, year: int) -> Optional[FinalGrade]: ...
    def grade_distributions(self, scope: _Scope = None, year: Optional[int] = None) -> GradeDistributions: ...
    def low_grade_follow_ups(self, scope: _Scope = None, year: Optional[int] = None) -> LowGradeFollowUps: ...
    def open_disposition(self, member: MemberId, opened: Optional[_Record] = None, /, *, rule_set: str = "", why: str = "", **fields: Any) -> None: ...
    def record_disposition(self, member: MemberId, record: Optional[_DispositionRecordArg] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def get_disposition_file(self, member: MemberId) -> DispositionFile: ...
    def disposition_overviews(self, as_of: _Date, scope: _Scope = None, open_only: bool = ...) -> DispositionOverviews: ...
    def add_meeting(self, meeting: Union[Meeting, _Record] = None, /, *, as_of: _Date, why: str = "", **fields: Any) -> MeetingId: ...
    def correct_meeting(self, meeting: Union[Meeting, _Record], version: int, as_of: _Date, why: str = "") -> None: ...
    def get_meeting(self, meeting: MeetingId) -> StoredMeeting: ...
    def meetings_of(self, start: _Date, end: _Date, scope: _Scope = None) -> Meetings: ...
    def life_compliance_report(self, org: OrgId, start: _Date, end: _Date) -> ComplianceReport: ...
    def meetings_against_cadence(self, start: _Date, end: _Date, scope: _Scope = None) -> MeetingsAgainstCadence: ...
    def dues_collected_by_month(self, start: _Date, end: _Date, scope: _Scope = None) -> DuesCollected: ...
    def life_activity(self, as_of: _Date, scope: _Scope = None) -> LifeActivity: ...
    def life_activity_of(self, member: MemberId, as_of: _Date) -> MemberLifeActivity: ...
    def add_training(self, record: Optional[_Record] = None, /, *, as_of: _Date, why: str = "", **fields: Any) -> None: ...
    def training_ledger(self, member: MemberId, year: Optional[int] = None) -> TrainingLedger: ...
    def training_shortfall_report(self, org: OrgId, year: int, as_of: _Date) -> TrainingShortfalls: ...
    def open_dues_account(self, member: MemberId, initial: Optional[_Record] = None, /, *, terms: Optional[Union[DuesTerms, _Record]] = None, why: str = "", **fields: Any) -> None: ...
    def set_dues_terms(self, member: MemberId, terms: Optional[_Record] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def change_dues_base(self, member: MemberId, change: Optional[_Record] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def add_dues_relief(self, member: MemberId, relief: Optional[_Record] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def add_dues_excuse(self, member: MemberId, excuse: Optional[_Record] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def record_dues_payment(self, payment: Optional[_Record] = None, /, *, as_of: _Date, why: str = "", **fields: Any) -> DuesPaymentCheck: ...
    def find_dues_account(self, member: MemberId) -> Optional[DuesAccount]: ...
    def get_dues_terms(self, member: MemberId) -> DuesTerms: ...
    def dues_payments(self, member: MemberId) -> DuesPayments: ...
    def dues_statement(self, member: MemberId, as_of: _Date) -> DuesStatement: ...
    def dues_arrears_report(self, as_of: _Date, scope: _Scope = None) -> DuesArrears: ...
    def open_election(self, org: OrgId, request: Optional[Union[ElectionRequested, _Record]] = None, /, *, why: str = "", **fields: Any) -> ElectionId: ...
    def record_election(self, election: ElectionId, record: Optional[_ElectionRecordArg] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def get_election(self, election: ElectionId) -> ElectionCase: ...
    def elections(self, scope: _Scope = None) -> Elections: ...
    def election_completion(self, year: int, as_of: _Date, scope: _Scope = None) -> ElectionCompletion: ...
    def open_decision(self, org: OrgId, proposal: Optional[Union[Proposed, _Record]] = None, /, *, rule_set: str = "", why: str = "", **fields: Any) -> DecisionId: ...
    def record_decision(self, decision: DecisionId, record: Optional[_DecisionRecordArg] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def get_decision(self, decision: DecisionId) -> DecisionCase: ...
    def decisions(self, scope: _Scope = None) -> Decisions: ...
    def register_with_community(
        self, member: MemberId, community: OrgId, on: _Date, note: str = "", why: str = ""
    ) -> RegistrationId: ...
    def leave_community(self, registration: RegistrationId, on: _Date, why: str = "") -> None: ...
    def record_community_service(
        self, service: Optional[Union[CommunityService, _Record]] = None, /, *, why: str = "", **fields: Any
    ) -> int: ...
    def give_community_feedback(
        self, feedback: Optional[Union[CommunityFeedback, _Record]] = None, /, *, why: str = "", **fields: Any
    ) -> None: ...
    def get_registration(self, registration: RegistrationId) -> CommunityRegistration: ...
    def community_registrations_of(self, member: MemberId) -> CommunityRegistrations: ...
    def community_registrations(self, scope: _Scope = None) -> CommunityRegistrations: ...
    def community_services(self, member: MemberId, year: Optional[int] = None) -> CommunityServices: ...
    def community_feedback(self, member: MemberId, year: int) -> Optional[CommunityFeedback]: ...
    def community_feedback_history(self, member: MemberId) -> CommunityFeedbackTable: ...
    def community_statistics(self, year: int, scope: _Scope = None) -> CommunityStatistics: ...
    def open_appraisal_cycle(
        self, cycle: Optional[Union[AppraisalCycle, _Record]] = None, /, *, why: str = "", **fields: Any
    ) -> AppraisalCycleId: ...
    def close_appraisal_cycle(self, cycle: AppraisalCycleId, on: _Date, why: str = "") -> None: ...
    def record_appraisal_report(
        self, report: Optional[Union[AppraisalReport, _Record]] = None, /, *, why: str = "", **fields: Any
    ) -> AppraisalReportId: ...
    def rate_appraisal_report(
        self, rating: Optional[Union[AppraisalRating, _Record]] = None, /, *, why: str = "", **fields: Any
    ) -> AppraisalGrade: ...
    def correct_appraisal_rating(
        self,
        rating: Optional[Union[AppraisalRating, _Record]] = None,
        /,
        *,
        correction_reason: str = "",
        why: str = "",
        **fields: Any,
    ) -> AppraisalGrade: ...
    def apply_appraisal_result(
        self, application: Optional[Union[AppraisalApplication, _Record]] = None, /, *, why: str = "", **fields: Any
    ) -> None: ...
    def record_accountability(
        self, record: Optional[Union[AccountabilityRecord, _Record]] = None, /, *, why: str = "", **fields: Any
    ) -> AccountabilityId: ...
    def complete_rectification(self, accountability: AccountabilityId, on: _Date, why: str = "") -> None: ...
    def get_appraisal_cycle(self, cycle: AppraisalCycleId) -> AppraisalCycle: ...
    def appraisal_cycles(self, scope: _Scope = None, year: Optional[int] = None) -> list[AppraisalCycle]: ...
    def appraisal_reports(self, cycle: AppraisalCycleId) -> list[AppraisalReport]: ...
    def get_appraisal_report(self, report: AppraisalReportId) -> AppraisalReport: ...
    def appraisal_rating(self, report: AppraisalReportId) -> Optional[AppraisalRating]: ...
    def appraisal_applications(self, report: AppraisalReportId) -> list[AppraisalApplication]: ...
    def get_accountability(self, accountability: AccountabilityId) -> AccountabilityRecord: ...
    def accountability_records(
        self, scope: _Scope = None, year: Optional[int] = None
    ) -> list[AccountabilityRecord]: ...
    def appraisal_statistics(self, year: int, scope: _Scope = None) -> AppraisalStatistics: ...
    def designate_model_post(self, designation: Optional[Union[ModelPostDesignation, _Record]] = None, /, *, why: str = "", **fields: Any) -> ModelPostId: ...
    def review_model_post(self, post: ModelPostId, review: Optional[Union[ModelPostReview, _Record]] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def end_model_post(self, post: ModelPostId, ending: Optional[Union[ModelPostEnding, _Record]] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def get_model_post(self, post: ModelPostId) -> ModelPost: ...
    def member_model_posts(self, member: MemberId) -> ModelPosts: ...
    def model_posts(self, scope: _Scope = None, year: Optional[int] = None) -> ModelPosts: ...
    def commend(self, commendation: Optional[Union[Commendation, _Record]] = None, /, *, why: str = "", **fields: Any) -> CommendationId: ...
    def get_commendation(self, commendation: CommendationId) -> Commendation: ...
    def member_commendations(self, member: MemberId) -> Commendations: ...
    def org_commendations(self, org: OrgId) -> Commendations: ...
    def commendations(self, scope: _Scope = None, year: Optional[int] = None) -> Commendations: ...
    def honours_statistics(self, year: int, scope: _Scope = None) -> HonoursStatistics: ...
    def designate_for_rectification(self, designation: Optional[Union[RectificationDesignation, _Record]] = None, /, *, why: str = "", **fields: Any) -> RectificationId: ...
    def assign_rectification_contact(self, rectification: RectificationId, contact: Optional[Union[RectificationContact, _Record]] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def add_rectification_milestone(self, rectification: RectificationId, milestone: Optional[Union[RectificationMilestone, _Record]] = None, /, *, why: str = "", **fields: Any) -> int: ...
    def complete_rectification_milestone(self, rectification: RectificationId, number: int, on: _Date, why: str = "") -> None: ...
    def record_rectification_commitment(self, rectification: RectificationId, commitment: Optional[Union[RectificationCommitment, _Record]] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def record_rectification_evaluation(self, rectification: RectificationId, evaluation: Optional[Union[RectificationEvaluation, _Record]] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def review_rectification(self, rectification: RectificationId, review: Optional[Union[RectificationReview, _Record]] = None, /, *, why: str = "", **fields: Any) -> None: ...
    def remove_from_rectification(self, rectification: RectificationId, on: _Date, why: str = "") -> None: ...
    def get_rectification(self, rectification: RectificationId) -> Rectification: ...
    def rectifications(self, scope: _Scope = None, year: Optional[int] = None) -> Rectifications: ...
    def rectification_rules(self, rectification: Rectification) -> RuleSet: ...
    def rectification_statistics(self, year: int, scope: _Scope = None) -> RectificationStatistics: ...

    # coverage of units by party organisations (两新组织党建覆盖)
    def add_unit(self, unit: Optional[Union[Unit, _Record]] = None, /, *, why: str = "", **fields: Any) -> UnitId: ...
    def close_unit(self, unit: UnitId, on: _Date, why: str = "") -> None: ...
    def record_unit_employees(
        self, headcount: Optional[Union[UnitHeadcount, _Record]] = None, /, *, why: str = "", **fields: Any
    ) -> None: ...
    def get_unit(self, unit: UnitId) -> Unit: ...
    def unit_by_code(self, code: str) -> Optional[Unit]: ...
    def units(self, scope: _Scope = None) -> Units: ...
    def unit_headcounts(self, unit: UnitId) -> UnitHeadcounts: ...
    def cover_unit(self, unit: UnitId, org: OrgId, on: _Date, note: str = "", why: str = "") -> CoverageLinkId: ...
    def end_coverage(self, coverage: CoverageLinkId, on: _Date, why: str = "") -> None: ...
    def unit_coverage(self, unit: UnitId) -> CoverageLinks: ...
    def units_covered_by(self, org: OrgId) -> CoverageLinks: ...
    def assign_instructor(
        self, assignment: Optional[Union[InstructorAssignment, _Record]] = None, /, *, why: str = "", **fields: Any
    ) -> InstructorId: ...
    def end_instructor(self, instructor: InstructorId, on: _Date, why: str = "") -> None: ...
    def unit_instructors(self, unit: UnitId) -> InstructorAssignments: ...
    def link_member_unit(self, member: MemberId, unit: UnitId, on: _Date, why: str = "") -> MemberUnitId: ...
    def end_member_unit(self, link: MemberUnitId, on: _Date, why: str = "") -> None: ...
    def member_units_of(self, member: MemberId) -> MemberUnits: ...
    def unit_members(self, unit: UnitId) -> MemberUnits: ...
    def coverage_statistics(self, year: int, scope: _Scope = None) -> CoverageStatistics: ...

    # agenda and audit
    def agenda(self, as_of: _Date, scope: _Scope = None) -> Agenda: ...
    def statistics(
        self, as_of: _Date, scope: _Scope = None, *, period: Optional[tuple[_Date, _Date]] = None
    ) -> Statistics: ...
    def audit_log(self, after: int = 0) -> AuditLog: ...
    def verify_audit(self) -> AuditVerification: ...
    def grant_server_principal(self, server_role: str, principal: Principal, *, why: str = "") -> None: ...
    def revoke_server_principal(self, server_role: str, *, why: str = "") -> None: ...
    def server_principals(self) -> list[ServerPrincipal]: ...

def open_store(
    path: Union[str, os.PathLike[str]],
    *,
    actor: str = "system",
    rules: Optional[RuleSet] = None,
    create: bool = True,
    read_only: bool = False,
    busy_timeout: float = 5.0,
    today: Optional[_Date] = None,
    principal: Union[Principal, str, None] = None,
) -> Store: ...

def restore(
    source: Union[str, os.PathLike[str]],
    target: Union[str, os.PathLike[str]],
    *,
    busy_timeout: float = 5.0,
) -> None: ...
