"""Type stubs of the dangyuan package (the compiled module re-exported by __init__.py)."""

import datetime
import os
from typing import (
    Any,
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

def violation(rule_id: str, message: str) -> RuleViolation: ...

# ---------------------------------------------------------------------------------------------------
# Ids
# ---------------------------------------------------------------------------------------------------

class _Id:
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

# ---------------------------------------------------------------------------------------------------
# Enums: every enum has .name, .value, .code, all() and parse(); most have .chinese_name
# ---------------------------------------------------------------------------------------------------

_E = TypeVar("_E", bound="_Enum")

class _Enum:
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

class _RecordBase:
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

# ---------------------------------------------------------------------------------------------------
# Tables: bulk results with columns
# ---------------------------------------------------------------------------------------------------

class Table:
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

class WorkCalendar:
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

class CitizenId:
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

class IdNumberCheck:
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

class RuleInfo:
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

class _Params:
    def __init__(self, **fields: Any) -> None: ...
    def __copy__(self: _T) -> _T: ...
    def __deepcopy__(self: _T, memo: Any) -> _T: ...

class DevelopmentParams(_Params): ...
class MobilityParams(_Params): ...
class EvaluationParams(_Params): ...
class LifeParams(_Params): ...

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
    min_age_years: int
    probation_months: int
    probation_extension_min_months: int
    probation_extension_max_months: int
    party_age_excludes_suspension: bool
    development: DevelopmentParams
    mobility: MobilityParams
    evaluation: EvaluationParams
    life: LifeParams
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
# The store
# ---------------------------------------------------------------------------------------------------

class Scope:
    @staticmethod
    def all() -> Scope: ...
    @staticmethod
    def subtree(root: OrgId) -> Scope: ...
    @property
    def root(self) -> Optional[OrgId]: ...

_Scope = Optional[Union[OrgId, Scope]]

class Store:
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
    def roster(self, scope: _Scope = None, as_of: Optional[_Date] = None) -> Roster: ...
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
    # agenda and audit
    def agenda(self, as_of: _Date, scope: _Scope = None) -> Agenda: ...
    def audit_log(self, after: int = 0) -> AuditLog: ...

def open_store(
    path: Union[str, os.PathLike[str]],
    *,
    actor: str = "system",
    rules: Optional[RuleSet] = None,
    create: bool = True,
) -> Store: ...
