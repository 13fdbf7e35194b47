"""dangyuan: the rules of party-member education and management (党员教育管理) for Python.

The C++ library's rules, its SQLite store and the agenda, with dates as ``datetime.date`` and bulk
results as columns::

    import datetime as dt
    import dangyuan as dy

    with dy.open_store("district.db", actor="analyst") as store:
        frame = store.agenda(dt.date(2026, 11, 26)).to_pandas()

See docs/python.md for the tour, the exception map and the date convention. pandas and numpy are
imported only when a table is converted.
"""

from . import _dangyuan
from ._dangyuan import *  # noqa: F401,F403  (the compiled API)
from ._dangyuan import __version__

_LABELS = ("name", "chinese", "code")


def _category_labels(enum_type, labels):
    """The categories of an enum column: the enum names, Chinese names or codes, in code order."""
    members = enum_type.all()
    if labels == "name":
        return [m.name for m in members]
    if labels == "chinese":
        # Enums without a Chinese name (IdNumberError, Confidence) keep their code.
        return [getattr(m, "chinese_name", m.code) for m in members]
    return [m.code for m in members]


def _check_labels(labels):
    if labels not in _LABELS:
        raise ValueError(f"labels must be one of {', '.join(map(repr, _LABELS))}, not {labels!r}")


def _to_numpy(self, labels="name"):
    """The columns as a dict of numpy arrays, in column order.

    Integers are int64 (a missing id is 0, which no id ever is), booleans bool, dates datetime64[D]
    (NaT when missing), times datetime64[s] in UTC, text object arrays of str (None when missing), and
    enum columns object arrays of their labels (None when missing): the enum names, or with
    labels="chinese" the Chinese names, or with labels="code" the official codes.
    """
    import numpy as np

    _check_labels(labels)
    out = {}
    for name, kind, values, extra in self._columns():
        if kind == "category":
            lookup = np.empty(len(extra.all()) + 1, dtype=object)
            lookup[:-1] = _category_labels(extra, labels)
            lookup[-1] = None  # code -1
            values = lookup[values]
        out[name] = values
    return out


# The days that datetime64[ns], pandas' date type, can hold: 1677-09-22 to 2262-04-11.
_NS_DAYS = 106751


def _as_nanoseconds(days):
    """A datetime64[D] array as datetime64[ns], converted by numpy when every date fits (pandas' own
    conversion checks each cell for overflow and is ten times slower); otherwise unchanged, so that
    pandas reports the date it cannot hold."""
    import numpy as np

    d = days.view("i8")
    inside = ((d >= -_NS_DAYS) & (d <= _NS_DAYS)) | (d == np.iinfo("i8").min)  # min: NaT
    return days.astype("M8[ns]") if inside.all() else days


def _to_pandas(self, labels="name"):
    """The table as a pandas DataFrame, one row per record, columns in order.

    Enum columns are pandas Categoricals whose categories are every value of the enum in code order
    (so that counts show the empty ones): the names, or with labels="chinese" the Chinese names, or
    with labels="code" the official codes. Ids that may be missing are nullable Int64, dates are
    datetime64 columns (NaT when missing), text columns hold str objects (None when missing).
    """
    import pandas as pd

    _check_labels(labels)
    data = {}
    for name, kind, values, extra in self._columns():
        if kind == "category":
            data[name] = pd.Categorical.from_codes(values, categories=_category_labels(extra, labels))
        elif kind == "int" and extra is not None:
            data[name] = pd.arrays.IntegerArray(values, extra)
        elif kind == "date":
            data[name] = _as_nanoseconds(values)
        else:
            data[name] = values
    return pd.DataFrame(data, copy=False)


Table.to_numpy = _to_numpy  # noqa: F405
Table.to_pandas = _to_pandas  # noqa: F405

# The classes and exceptions present themselves as members of the package.
for _name in dir(_dangyuan):
    _obj = getattr(_dangyuan, _name)
    if isinstance(_obj, type) and getattr(_obj, "__module__", None) == "dangyuan._dangyuan":
        try:
            _obj.__module__ = "dangyuan"
        except (AttributeError, TypeError):
            pass

__all__ = sorted(n for n in dir(_dangyuan) if not n.startswith("_"))

del _name, _obj
