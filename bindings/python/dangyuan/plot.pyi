# Type stub of dangyuan.plot (plot.py): matplotlib figures of the statistics workbook's charts.
# The matplotlib of Debian 12 (3.6) ships no type information, so its Figure and Axes are Any here.
import datetime
from typing import Any, Optional

from . import OrgId, Scope, Store

_Figure = Any  # matplotlib.figure.Figure
_Axes = Any  # matplotlib.axes.Axes

_Scope = Optional[OrgId | Scope]

__all__ = [
    "age_bands",
    "education",
    "sex",
    "ethnicity",
    "member_structure",
    "pipeline",
    "evaluation_grades",
    "meetings_vs_cadence",
    "dues_by_month",
    "meeting_cadence",
    "dues_collected",
]

def age_bands(store: Store, as_of: datetime.date, scope: _Scope = None, *, ax: Optional[_Axes] = None) -> _Figure: ...
def education(store: Store, as_of: datetime.date, scope: _Scope = None, *, ax: Optional[_Axes] = None) -> _Figure: ...
def sex(store: Store, as_of: datetime.date, scope: _Scope = None, *, ax: Optional[_Axes] = None) -> _Figure: ...
def ethnicity(store: Store, as_of: datetime.date, scope: _Scope = None, *, ax: Optional[_Axes] = None) -> _Figure: ...
def member_structure(store: Store, as_of: datetime.date, scope: _Scope = None) -> _Figure: ...
def pipeline(store: Store, as_of: datetime.date, scope: _Scope = None, *, ax: Optional[_Axes] = None) -> _Figure: ...
def evaluation_grades(
    store: Store, as_of: datetime.date, scope: _Scope = None, *, ax: Optional[_Axes] = None
) -> _Figure: ...
def meeting_cadence(store: Store, as_of: datetime.date, scope: _Scope = None) -> list[tuple[str, int, int, int]]: ...
def meetings_vs_cadence(
    store: Store, as_of: datetime.date, scope: _Scope = None, *, ax: Optional[_Axes] = None
) -> _Figure: ...
def dues_collected(
    store: Store, as_of: datetime.date, scope: _Scope = None
) -> list[tuple[datetime.date, int, int]]: ...
def dues_by_month(store: Store, as_of: datetime.date, scope: _Scope = None, *, ax: Optional[_Axes] = None) -> _Figure: ...
