"""The date printed on pages."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Mapping

from argmap.core.diagnostics import UsageError


def build_date(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The date printed on pages: ``--date``, else SOURCE_DATE_EPOCH (reproducible builds), else today."""
    environ = os.environ if environ is None else environ
    if option:
        try:
            return _dt.date.fromisoformat(option).isoformat()
        except ValueError:
            raise UsageError(f"--date '{option}' is not a date", "give it as YYYY-MM-DD") from None
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return _epoch_date(epoch)
    return _dt.datetime.now(_dt.timezone.utc).date().isoformat()


_EPOCH_SPEC = "see https://reproducible-builds.org/specs/source-date-epoch/"
# The seconds a date can be built from: 1970-01-01 to the last second of 9999-12-31, the last day
# a date has (the specification allows no negative count).
_LAST_SECOND = int(_dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=_dt.timezone.utc).timestamp())


def _epoch_date(epoch: str) -> str:
    try:
        seconds = int(epoch)
    except ValueError:
        raise UsageError(f"SOURCE_DATE_EPOCH='{epoch}' is not a number of seconds", _EPOCH_SPEC) from None
    if not 0 <= seconds <= _LAST_SECOND:
        raise UsageError(f"SOURCE_DATE_EPOCH='{epoch}' is out of range: expected 0 (1970-01-01) to "
                         f"{_LAST_SECOND} (9999-12-31)", _EPOCH_SPEC)
    return _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc).date().isoformat()
