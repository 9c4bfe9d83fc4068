"""Kialo: placeholder."""
from __future__ import annotations


def read_kialo(text):
    raise NotImplementedError
