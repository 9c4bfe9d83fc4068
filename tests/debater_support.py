"""A format-2 debate for the debater outputs (Word file, cards, the brief's table and links):
titles on every node, highlights in the original and in the translation, a speaker, an author's
qualifications, an undercut, fallen claims, quotes inside longer sentences of their sources."""

from __future__ import annotations

from pathlib import Path

MAP_ID = "lembah-cards"
QUALIFICATIONS = "Professor of urban planning, Universitas Lembah"

MAP = """\
argmap: 2
id: lembah-cards
title: Cards on the Lembah bridge
question: Should Lembah build a bridge over its river?
lang: en
sides: {pro: Build the bridge, con: Keep the boats}
nodes:
  build:
    type: thesis
    side: pro
    title: Build the bridge
    text: Lembah should build a bridge, because the boats fail the west bank when it needs them.
    analytic: true
  keep:
    type: thesis
    side: con
    title: Keep the boats
    text: Lembah should keep its boats, because a bridge costs too much.
    analytic: true
  boats-stop:
    type: claim
    title: Boats stop nine days a month
    text: In the rainy season the boats stop for days at a time.
    supports: [build]
    evidence:
      - source: sari2023
        quote: perahu tidak berlayar selama rata-rata sembilan hari setiap bulan
        translation: the boats do not sail for nine days a month on average
        highlight: [sembilan hari setiap bulan]
        highlight_translation: [nine days a month]
  ferry-runs:
    type: objection
    title: A new ferry sails in floods
    text: A new ferry with a stronger engine keeps sailing when the river rises.
    attacks: [boats-stop]
    evidence:
      - source: warta2024
        quote: feri tetap dapat berlayar ketika air sungai naik, kecuali pada banjir besar
        translation: the ferry can still sail when the river rises, except in a major flood
        highlight_translation: [can still sail when the river rises]
        speaker: the head of the transport office
  ferry-stops-at-night:
    type: rebuttal
    title: The ferry stops at night
    text: The ferry still stops at night in heavy rain, so the west bank is still cut off.
    attacks: [ferry-runs]
    evidence:
      - source: warta2024
        quote: feri tidak akan berlayar pada malam hari saat hujan deras
        translation: the ferry will not sail at night in heavy rain
        highlight_translation: [will not sail at night]
  road-money:
    type: claim
    title: It takes the road money
    text: The bridge money would have to come out of the village road budget.
    supports: [keep]
    evidence:
      - source: sari2023
        quote: dana itu harus diambil dari anggaran jalan desa
        translation: that money would have to come from the village road budget
        highlight_translation: [village road budget]
  roads-can-wait:
    type: objection
    title: Roads can wait a year
    text: The village roads can wait a year; the bridge lasts fifty.
    attacks: [road-money]
    analytic: true
  roads-cannot-wait:
    type: rebuttal
    title: Some roads cannot wait
    text: Some village roads are already unsafe and cannot wait.
    attacks: [roads-can-wait]
    analytic: true
  crossing-is-quick:
    type: claim
    title: The crossing takes twelve minutes
    text: On a normal day the boat crossing is short.
    supports: [keep]
    evidence:
      - source: ng2022
        quote: the crossing took twelve minutes
        highlight: [twelve minutes]
  one-season:
    type: objection
    title: Only in the rainy season
    text: Nine days in the rainy season do not show that the boats fail the west bank all year.
    undercuts:
      - {from: boats-stop, to: build}
    analytic: true
"""


def write_debate(project: Path) -> Path:
    """Write the map into the scratch ``project`` (a copy of the fixture seeds), give the journal
    article's authors their qualifications, and return the map's path."""
    registry = project / "seeds" / "sources.yaml"
    text = registry.read_text(encoding="utf-8")
    text = text.replace("    qualifications: Researchers in urban planning\n", f"    qualifications: {QUALIFICATIONS}\n", 1)
    registry.write_text(text, encoding="utf-8")
    path = project / "maps" / f"{MAP_ID}.yaml"
    path.write_text(MAP, encoding="utf-8")
    return path
