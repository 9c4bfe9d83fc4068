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
        try:
            return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date().isoformat()
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH='{epoch}' is not a number of seconds",
                             "see https://reproducible-builds.org/specs/source-date-epoch/") from None
    return _dt.datetime.now(_dt.timezone.utc).date().isoformat()
