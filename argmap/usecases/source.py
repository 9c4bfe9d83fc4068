"""`argmap source add`: save a document's text under the seeds folder and register it, pinned."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from argmap.sources.capture import Captured, capture
from argmap.sources.download import DOWNLOAD_TIMEOUT, check_timeout
from argmap.core.diagnostics import UsageError
from argmap.core.folders import SOURCES_FILE
from argmap.core.load import read_bytes
from argmap.core.model import IDENTIFIER_PATTERN, MAX_IDENTIFIER_LENGTH
from argmap.files.output import write_files
from argmap.core.project import load_seeds
from argmap.sources.registering import registry_with
from argmap.core.vocabulary import DEFAULT_LANGUAGE, LANGUAGE_TAG, RELIABILITIES

# The CSL type each kind of document is registered as; the author can refine it.
CSL_TYPE = {"web page": "webpage", "PDF": "document", "text": "document"}
DEFAULT_RELIABILITY = "unknown"
_LANGUAGE = re.compile(LANGUAGE_TAG)
_IDENTIFIER = re.compile(IDENTIFIER_PATTERN)


@dataclass(frozen=True)
class SourceAdded:
    """What `argmap source add` saved and registered."""

    source_id: str
    saved: Path
    registry: Path
    sha256: str
    captured: Captured
    entry: dict[str, object]

    @property
    def missing(self) -> list[str]:
        return self.captured.missing


def add_source(where: str, source_id: str, seeds_dir: Path, *, lang: str | None = None,
               reliability: str | None = None, today: dt.date | None = None,
               timeout: float = DOWNLOAD_TIMEOUT) -> SourceAdded:
    """Read ``where`` (a file, or an http(s) URL downloaded within ``timeout`` seconds), save its
    text as ``seeds_dir/<id><suffix>`` and add a pinned entry to the registry. Raises
    :class:`UsageError` (exit 2), writing nothing, for a bad id, language, reliability or timeout,
    a taken id or file name, or a document it cannot read."""
    if not _IDENTIFIER.match(source_id) or len(source_id) > MAX_IDENTIFIER_LENGTH:
        raise UsageError(f"'{source_id}' is not a source id", "use letters, digits, '-', '_' and '.', e.g. lestari2024",
                         setting="id")
    if lang is not None and not _LANGUAGE.match(lang):
        raise UsageError(f"'{lang}' is not a language tag", "use a BCP 47 tag such as en, id or pt-BR", setting="lang")
    if reliability is not None and reliability not in RELIABILITIES:
        raise UsageError(f"'{reliability}' is not a reliability", f"use one of {', '.join(RELIABILITIES)}",
                         setting="reliability")
    check_timeout(timeout)
    project, _ = load_seeds(seeds_dir)
    registry_path = seeds_dir / SOURCES_FILE
    if not project.registry_valid:
        raise UsageError(f"{registry_path} cannot be read as a sources registry; nothing written",
                         f"run `argmap check --seeds {seeds_dir}` for the details")
    if source_id in project.registered:
        raise UsageError(f"source '{source_id}' is already registered in {registry_path}; nothing written",
                         "choose another --id", setting="id")
    captured = capture(where, today, timeout)
    saved = seeds_dir / f"{source_id}{captured.suffix}"
    if saved.exists() or saved.is_symlink():
        raise UsageError(f"{saved} already exists; nothing written", "choose another --id, or remove the file")
    sha256 = hashlib.sha256(captured.text).hexdigest()
    entry = _entry(saved.name, sha256, captured, lang, reliability)
    write_files({saved: captured.text, registry_path: _registry_with(registry_path, source_id, entry)})
    return SourceAdded(source_id, saved, registry_path, sha256, captured, entry)


def _registry_with(registry_path: Path, source_id: str, entry: dict[str, object]) -> bytes:
    """The registry's bytes with the entry added; its byte-order mark, if any, kept (its line
    endings are registry_with's to keep)."""
    raw, problems = read_bytes(registry_path, str(registry_path))
    if raw is None:
        raise UsageError(f"{registry_path}: {problems[0].message}; nothing written")
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    try:
        text = raw[len(bom):].decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{registry_path}: not UTF-8 text; nothing written") from None
    return bom + registry_with(text, source_id, entry).encode("utf-8")


def _entry(file_name: str, sha256: str, captured: Captured, lang: str | None, reliability: str | None) -> dict[str, object]:
    fields = captured.fields
    entry: dict[str, object] = {"file": file_name, "sha256": sha256, "type": CSL_TYPE[captured.kind]}
    entry["title"] = fields.get("title") or Path(file_name).stem
    for key in ("author", "issued", "accessed", "container-title", "URL"):
        if key in fields:
            entry[key] = fields[key]
    entry["language"] = lang or fields.get("language") or DEFAULT_LANGUAGE
    entry["reliability"] = reliability or DEFAULT_RELIABILITY
    return entry
